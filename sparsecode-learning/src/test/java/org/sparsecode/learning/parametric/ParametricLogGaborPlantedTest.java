package org.sparsecode.learning.parametric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.learning.LearnListener;
import org.sparsecode.core.kernel.LogGaborKernels.Normalisation;
import org.sparsecode.learning.Planted;

/**
 * A planted problem: six 48×48 images synthesised from a known unit-ℓ2 log-Gabor dictionary of four kernels
 * with different θ and B_θ (0.15 to 0.6 rad), codes non-zero with probability 0.005; the learner starts
 * from θ ± 0.15 rad and B_θ × 1.5 or ÷ 1.5 and must end within {@value #THETA_TOLERANCE} rad of each θ and
 * within a factor e^{@value #LOG_B_TOLERANCE} of each B_θ. λ is large enough (0.2) for the codes to be
 * exactly sparse; with a small λ (1e-3) the codes smear over the wrong kernels and the bandwidths settle
 * 10–70 % off (measured). Under {@code peak} the planted bandwidths are not the optimum of the ℓ1-penalised
 * objective (a narrow kernel has a larger ℓ2 norm, so it pays less per unit of its contribution), which is
 * why this test uses unit-ℓ2 kernels.
 */
class ParametricLogGaborPlantedTest {
  private static final double[] THETAS = {0.3, 1.2, 2.0, 2.8};
  private static final double[] B_THETAS = {0.15, 0.45, 0.25, 0.6};
  private static final double[] PHASES = {0.0, Math.PI / 2, 0.0, Math.PI / 2};

  @Test
  void recoversPlantedOrientationsAndBandwidthsFromPerturbedStart() {
    Dictionary truth = ParametricFixtures.dictionary(THETAS, B_THETAS, PHASES, Normalisation.UNIT_L2);
    List<Image> images = Planted.images(truth, 6, 48, 0.005, 17L);
    double[] startTheta = new double[4];
    double[] startB = new double[4];
    for (int k = 0; k < 4; k++) {
      startTheta[k] = THETAS[k] + (k % 2 == 0 ? 0.15 : -0.15);
      startB[k] = B_THETAS[k] * (k < 2 ? 1.5 : 1 / 1.5);
    }
    Dictionary start = ParametricFixtures.dictionary(startTheta, startB, PHASES, Normalisation.UNIT_L2);
    ParametricLogGaborSettings s = new ParametricLogGaborSettings(STEPS, null, null, 0.02, null, null, null,
        "sequential", 1, null, 0, null);
    ParametricLogGabor learner = new ParametricLogGabor(s, ParametricFixtures.solver(0.2, 200, 1e-3), "test", 3L);
    Dictionary learned = learner.learn(start, ImageSource.of(images), LearnListener.NONE);
    for (int k = 0; k < 4; k++) {
      double theta = learned.info().get(k).theta();
      double b = learned.info().get(k).bTheta();
      System.out.printf("kernel %d: theta %.4f (true %.4f) bTheta %.4f (true %.4f)%n", k, theta, THETAS[k], b,
          B_THETAS[k]);
    }
    for (int k = 0; k < 4; k++) {
      double theta = learned.info().get(k).theta();
      double b = learned.info().get(k).bTheta();
      assertThat(Math.abs(ParametricLogGabor.wrap(theta - THETAS[k] + Math.PI) - Math.PI)).as("theta %d", k)
          .isLessThan(THETA_TOLERANCE);
      assertThat(Math.abs(Math.log(b / B_THETAS[k]))).as("log bTheta ratio %d", k).isLessThan(LOG_B_TOLERANCE);
    }
  }

  private static final int STEPS = 200;
  private static final double THETA_TOLERANCE = 0.01;
  private static final double LOG_B_TOLERANCE = 0.05;
}
