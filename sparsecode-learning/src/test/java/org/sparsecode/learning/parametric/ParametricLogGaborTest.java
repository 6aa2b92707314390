package org.sparsecode.learning.parametric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.learning.LearnListener;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.SolveListener;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.kernel.LogGaborKernels.Normalisation;
import org.sparsecode.learning.Planted;

class ParametricLogGaborTest {
  private static final double[] THETAS = {0.3, 1.2, 2.0};
  private static final double[] B_THETAS = {0.2, 0.4, 0.3};
  private static final double[] PHASES = {0.0, Math.PI / 2, 0.0};

  private static Dictionary start(Normalisation norm) {
    return ParametricFixtures.dictionary(new double[] {0.4, 1.1, 2.1}, new double[] {0.3, 0.3, 0.3}, PHASES, norm);
  }

  private static List<Image> images(int count) {
    Dictionary truth = ParametricFixtures.dictionary(THETAS, B_THETAS, PHASES, Normalisation.PEAK);
    return Planted.images(truth, count, 32, 0.01, 5L);
  }

  private static ParametricLogGaborSettings settings(int steps, double lr, int every, List<String> learn) {
    return new ParametricLogGaborSettings(steps, null, learn, lr, null, null, null, "random", 1, 24, every, null);
  }

  /**
   * With the codes of a step held fixed, the step's update lowers the data term: Adam's first step moves each
   * learned coordinate by the learning rate against its gradient's sign, a descent step for a small rate.
   */
  @Test
  void oneSmallStepLowersTheDataTermOfTheStepsCodes() {
    for (Normalisation norm : Normalisation.values()) {
      Dictionary d = start(norm);
      Image image = images(1).get(0);
      SparseSolver solver = ParametricFixtures.solver(0.05, 100, 1e-3);
      ParametricLogGabor learner = new ParametricLogGabor(settings(1, 1e-4, 0,
          ParametricLogGaborSettings.PARAMETERS), solver, "t", 1L);
      double[] params = ParametricLogGabor.parameters(d);
      LogGaborJacobian gen = new LogGaborJacobian(12);
      ParametricStep step = learner.step(gen, norm, params, new double[params.length], new double[params.length],
          List.of(image), 0);
      CodingResult coded = solver.solve(ParametricLogGabor.dictionary(gen, norm, params, 3), image,
          SolveListener.NONE);
      double before = DataTerm.evaluate(ParametricLogGabor.dictionary(gen, norm, params, 3), image, coded.code(),
          null);
      double after = DataTerm.evaluate(ParametricLogGabor.dictionary(gen, norm, step.parameters(), 3), image,
          coded.code(), null);
      assertThat(step.dataTerm()).as("the step's own data term").isEqualTo(before);
      assertThat(after).as(norm + ": data term after the step").isLessThan(before);
    }
  }

  /** On one fixed image, with a converged solver and a small step, the objective never rises. */
  @Test
  void objectiveIsMonotoneOnAFixedImageWithASmallStep() {
    List<Image> one = images(1);
    ParametricLogGaborSettings s = new ParametricLogGaborSettings(12, null, null, 2e-3, null, null, null,
        "sequential", 1, null, 0, null);
    ParametricLogGabor learner = new ParametricLogGabor(s, ParametricFixtures.solver(0.05, 2000, 1e-6), "t", 1L);
    List<Double> objective = new ArrayList<>();
    learner.learn(start(Normalisation.PEAK), ImageSource.of(one), (j, n, o) -> objective.add(o));
    for (int j = 1; j < objective.size(); j++) {
      assertThat(objective.get(j)).as("objective of step %d (previous %s)", j, objective.get(j - 1))
          .isLessThanOrEqualTo(objective.get(j - 1));
    }
    assertThat(objective.get(objective.size() - 1)).isLessThan(objective.get(0));
  }

  @Test
  void onlyTheListedParametersMoveAndTheRestStayBitForBit() {
    Dictionary d = start(Normalisation.PEAK);
    ParametricLogGabor learner = new ParametricLogGabor(settings(3, 0.05, 0, List.of("bTheta")),
        ParametricFixtures.solver(0.05, 30, 1e-2), "t", 1L);
    Dictionary learned = learner.learn(d, ImageSource.of(images(2)), LearnListener.NONE);
    for (int k = 0; k < 3; k++) {
      assertThat(learned.info().get(k).theta()).isEqualTo(d.info().get(k).theta());
      assertThat(learned.info().get(k).phase()).isEqualTo(d.info().get(k).phase());
      assertThat(learned.info().get(k).sf0()).isEqualTo(d.info().get(k).sf0());
      assertThat(learned.info().get(k).bsf()).isEqualTo(d.info().get(k).bsf());
      assertThat(learned.info().get(k).bTheta()).isNotEqualTo(d.info().get(k).bTheta());
    }
  }

  @Test
  void reparameterisationKeepsBandwidthsPositiveSf0BelowNyquistAndAnglesWrapped() {
    assertThat(ParametricLogGabor.fromUnconstrained(LogGaborJacobian.B_THETA, -800)).isGreaterThanOrEqualTo(0.0);
    assertThat(ParametricLogGabor.fromUnconstrained(LogGaborJacobian.B_THETA, -5)).isPositive();
    assertThat(ParametricLogGabor.fromUnconstrained(LogGaborJacobian.SF0, 30)).isLessThanOrEqualTo(0.5);
    assertThat(ParametricLogGabor.fromUnconstrained(LogGaborJacobian.SF0, 3)).isLessThan(0.5).isPositive();
    assertThat(ParametricLogGabor.fromUnconstrained(LogGaborJacobian.THETA, -0.5))
        .isEqualTo(2 * Math.PI - 0.5);
    assertThat(ParametricLogGabor.fromUnconstrained(LogGaborJacobian.PHASE, 7.0)).isEqualTo(7.0 - 2 * Math.PI);
    for (int a = 0; a < 5; a++) {
      double p = new double[] {1.0, 0.3, 0.4, 0.5, 2.0}[a];
      assertThat(ParametricLogGabor.fromUnconstrained(a, ParametricLogGabor.toUnconstrained(a, p)))
          .as(LogGaborJacobian.NAMES[a]).isCloseTo(p, org.assertj.core.api.Assertions.within(1e-14));
    }
  }

  @Test
  void interruptedThenResumedRunEndsBitForBitWithTheSameTrajectories(@TempDir Path straightDir, @TempDir Path dir)
      throws IOException {
    List<Image> imgs = images(3);
    ParametricLogGaborSettings s = settings(7, 0.03, 2, null);
    List<Double> straight = new ArrayList<>();
    Dictionary expected = new ParametricLogGabor(s, ParametricFixtures.solver(0.05, 20, 1e-2), "t", 5L)
        .checkpointingTo(straightDir).learn(start(Normalisation.PEAK), ImageSource.of(imgs),
            (j, n, o) -> straight.add(o));
    assertThatThrownBy(() -> new ParametricLogGabor(s, ParametricFixtures.solver(0.05, 20, 1e-2), "t", 5L)
        .checkpointingTo(dir).learn(start(Normalisation.PEAK), ImageSource.of(imgs), (j, n, o) -> {
          if (j == 4) {
            throw new IllegalStateException("interrupted");
          }
        })).hasMessage("interrupted");
    assertThat(ParametricCheckpoint.read(dir)).get().extracting(ParametricCheckpoint::step).isEqualTo(4);
    List<Double> resumed = new ArrayList<>();
    Dictionary got = new ParametricLogGabor(s, ParametricFixtures.solver(0.05, 20, 1e-2), "t", 5L)
        .checkpointingTo(dir).learn(start(Normalisation.PEAK), ImageSource.of(imgs), (j, n, o) -> resumed.add(o));
    assertThat(got.kernels()).containsExactly(expected.kernels());
    assertThat(got.info()).isEqualTo(expected.info());
    assertThat(resumed).containsExactlyElementsOf(straight);
    assertThat(Files.readString(Trajectories.file(dir))).isEqualTo(Files.readString(Trajectories.file(straightDir)));
    List<double[]> rows = Trajectories.read(Trajectories.file(dir));
    assertThat(rows).hasSize(8 * 3);
    assertThat(rows.get(0)).containsExactly(0, 0, 0.4, 0.3, 0.3, 0.4, 0.0);
  }

  @Test
  void aCheckpointOfAnotherConfigurationIsIgnored(@TempDir Path dir) {
    List<Image> imgs = images(2);
    new ParametricLogGabor(settings(2, 0.03, 1, null), ParametricFixtures.solver(0.05, 10, 1e-2), "t", 5L)
        .checkpointingTo(dir).learn(start(Normalisation.PEAK), ImageSource.of(imgs), LearnListener.NONE);
    List<Integer> seen = new ArrayList<>();
    new ParametricLogGabor(settings(2, 0.05, 1, null), ParametricFixtures.solver(0.05, 10, 1e-2), "t", 5L)
        .checkpointingTo(dir).learn(start(Normalisation.PEAK), ImageSource.of(imgs), (j, n, o) -> seen.add(j));
    assertThat(seen).containsExactly(0, 1);
  }

  @Test
  void aDictionaryWithoutParametersIsRefusedWithAClearMessage() {
    Dictionary noInfo = Dictionary.of(12, 3, start(Normalisation.PEAK).kernels());
    ParametricLogGabor learner = new ParametricLogGabor(settings(1, 0.01, 0, null),
        ParametricFixtures.solver(0.05, 10, 1e-2), "t", 5L);
    assertThatThrownBy(() -> learner.learn(noInfo, ImageSource.of(images(1)), LearnListener.NONE))
        .isInstanceOf(SparsecodeException.class).hasMessageContaining("kernel 0 of the initial dictionary has none")
        .hasMessageContaining("dictionary: {type: log-gabor");
  }

  @Test
  void autoNormalisationIsReadFromTheInitialKernels() {
    assertThat(ParametricLogGabor.normalisation(start(Normalisation.PEAK), "auto")).isEqualTo(Normalisation.PEAK);
    assertThat(ParametricLogGabor.normalisation(start(Normalisation.UNIT_L2), "auto"))
        .isEqualTo(Normalisation.UNIT_L2);
    double[] k = start(Normalisation.PEAK).kernels().clone();
    for (int i = 0; i < 144; i++) {
      k[i] *= 3;
    }
    assertThatThrownBy(() -> ParametricLogGabor.normalisation(Dictionary.of(12, 3, k), "auto"))
        .hasMessageContaining("set learning.normalise to peak or unit-l2");
  }
}
