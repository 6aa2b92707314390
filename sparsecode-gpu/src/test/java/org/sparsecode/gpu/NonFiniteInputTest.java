package org.sparsecode.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.BatchSolver;
import org.sparsecode.api.solver.BatchSolverException;
import org.sparsecode.api.solver.SolveListener;

/** A NaN or an infinite pixel stops the batch with an error naming the image, its place and the iteration. */
class NonFiniteInputTest {
  private static final Dictionary KERNELS = TestProblems.gabor(8, 8);

  private static List<Image> withBadMiddle(double value) {
    List<Image> images = new ArrayList<>(TestProblems.three(32));
    double[] p = images.get(1).pixels().clone();
    p[100] = value;
    images.set(1, Image.grey("bad", 32, 32, p));
    return images;
  }

  private static void namesTheImage(BatchSolver solver, double value) {
    List<Image> images = withBadMiddle(value);
    List<SolveListener> none = new ArrayList<>(Collections.nCopies(3, SolveListener.NONE));
    assertThatThrownBy(() -> solver.solveBatch(KERNELS, images, none))
        .isInstanceOfSatisfying(BatchSolverException.class, e -> {
          assertThat(e.imageIndex()).isEqualTo(1);
          assertThat(e.imageId()).isEqualTo("bad");
          assertThat(e.iteration()).isZero();
        })
        .hasMessageStartingWith("image 'bad': iteration 0: ")
        .hasMessageContaining("the image holds NaN or infinite values");
  }

  @Test
  void admmNamesTheImageWithANaN() {
    namesTheImage(Solvers.admm(Solvers.admmSettings(3, "float32")), Double.NaN);
  }

  @Test
  void fistaNamesTheImageWithAnInfinity() {
    namesTheImage(Solvers.fista(Solvers.fistaSettings(3, "float32")), Double.POSITIVE_INFINITY);
  }

  @Test
  void lcaNamesTheImageWithANaN() {
    namesTheImage(Solvers.lca(Solvers.lcaSettings(3, "float32")), Double.NaN);
  }
}
