package org.sparsecode.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.BatchSolver;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.api.solver.SolveListener;

/**
 * A batch of three images (three photographs, which stop at different iterations) gives each image the result
 * it gets alone: same iterations, same trace, same code; listeners get their own image's rows; the inputs are
 * left as they were.
 */
class BatchSolveTest {
  private static final Dictionary KERNELS = TestProblems.gabor(12, 8);

  private static List<SolveListener> recorders(List<List<IterationStats>> rows, int n) {
    List<SolveListener> listeners = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<IterationStats> mine = new ArrayList<>();
      rows.add(mine);
      listeners.add(mine::add);
    }
    return listeners;
  }

  private static void batchEqualsAlone(BatchSolver solver) {
    List<Image> images = TestProblems.three(40);
    double[][] before = images.stream().map(i -> i.pixels().clone()).toArray(double[][]::new);
    List<List<IterationStats>> rows = new ArrayList<>();
    List<CodingResult> together = solver.solveBatch(KERNELS, images, recorders(rows, 3));
    assertThat(together).hasSize(3);
    List<Integer> iterations = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      CodingResult alone = solver.solve(KERNELS, images.get(i));
      CodingResult batched = together.get(i);
      iterations.add(batched.iterations());
      assertThat(batched.iterations()).as("image %d", i).isEqualTo(alone.iterations());
      assertThat(batched.converged()).isEqualTo(alone.converged());
      for (int r = 0; r < alone.stats().size(); r++) {
        double a = alone.stats().get(r).objective();
        assertThat(batched.stats().get(r).objective()).isCloseTo(a, org.assertj.core.data.Offset.offset(1e-5 * a));
      }
      assertThat(rows.get(i)).extracting(IterationStats::objective)
          .containsExactlyElementsOf(batched.stats().stream().map(IterationStats::objective).toList());
      double[] x = alone.code().toDense();
      double[] y = batched.code().toDense();
      double scale = 0;
      double worst = 0;
      for (int j = 0; j < x.length; j++) {
        scale = Math.max(scale, Math.abs(x[j]));
        worst = Math.max(worst, Math.abs(x[j] - y[j]));
      }
      assertThat(worst).isLessThan(1e-4 * scale);
      assertThat(images.get(i).pixels()).isEqualTo(before[i]);
    }
    assertThat(iterations.stream().distinct().count()).as("the images stop at different iterations: %s", iterations)
        .isGreaterThan(1);
  }

  @Test
  void admmCodesABatchOfThreeAsItCodesEachAlone() {
    batchEqualsAlone(Solvers.admm(Solvers.admmSettings(3, "float32")));
  }

  @Test
  void fistaCodesABatchOfThreeAsItCodesEachAlone() {
    batchEqualsAlone(Solvers.fista(Solvers.fistaSettings(3, "float32")));
  }

  @Test
  void lcaCodesABatchOfThreeAsItCodesEachAlone() {
    batchEqualsAlone(Solvers.lca(Solvers.lcaSettings(3, "float32")));
  }

  @Test
  void imagesOfTwoSizesInOneCallAreCodedInBatchesOfOneSizeAndComeBackInOrder() {
    Nd4jConvBpdnAdmm solver = Solvers.admm(new Nd4jCbpdnAdmmSettings(0.05, 10, 0.0, null, null, null, null, null,
        null, 2, "float32"));
    List<Image> images = List.of(TestProblems.patch("camera", 32, 0), TestProblems.patch("coffee", 40, 0),
        TestProblems.patch("brick", 40, 5), TestProblems.patch("grass", 40, 9), TestProblems.patch("gravel", 32, 3));
    List<List<IterationStats>> rows = new ArrayList<>();
    List<CodingResult> results = solver.solveBatch(KERNELS, images, recorders(rows, images.size()));
    for (int i = 0; i < images.size(); i++) {
      assertThat(results.get(i).code().height()).isEqualTo(images.get(i).height());
      CodingResult alone = solver.solve(KERNELS, images.get(i));
      double a = alone.stats().get(9).objective();
      assertThat(results.get(i).stats().get(9).objective())
          .isCloseTo(a, org.assertj.core.data.Offset.offset(1e-5 * a));
    }
  }
}
