package org.sparsecode.eval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.metric.Evaluation;
import org.sparsecode.api.metric.Metric;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.plugin.NoSettings;
import org.sparsecode.core.plugin.PluginRegistry;

/**
 * The metric plugins on a 2×2 image coded by one 1×1 kernel of value 1, so the reconstruction equals the
 * code and every number can be computed by hand.
 */
class MetricPluginsTest {
  private static final double EPS = 1e-12;
  /** s = [[0, 1], [2, 4]]: range 4. */
  private static final Image S = Image.grey("tiny", 2, 2, new double[] {0, 1, 2, 4});
  private static final Dictionary ONE = Dictionary.of(1, 1, new double[] {1});

  private static Evaluation evaluate(double[] denseCode, double lambda) {
    return Evaluation.of(S, ONE, SparseCode.fromDense(1, 2, 2, denseCode), lambda);
  }

  private static double measure(Plugin<Metric> plugin, Evaluation e) {
    return plugin.create(new NoSettings(), PluginContext.defaults(Precision.FLOAT64)).evaluate(e);
  }

  @Test
  void psnrUsesTheRangeOfTheReferenceAsPeak() {
    // r = [0, 1, 2, 2]: mse = 4/4 = 1, peak = 4 - 0 = 4, PSNR = 10 log10(16) = 12.0411998265592 dB
    double psnr = measure(new PsnrPlugin(), evaluate(new double[] {0, 1, 2, 2}, 0.1));
    assertThat(psnr).isCloseTo(10 * Math.log10(16), within(EPS)).isCloseTo(12.0411998265592, within(1e-12));
  }

  @Test
  void psnrOfAPerfectReconstructionIsPlusInfinity() {
    assertThat(measure(new PsnrPlugin(), evaluate(S.pixels().clone(), 0.1))).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void psnrOfAConstantImageIsAnErrorNamingTheImageNotMinusInfinity() {
    Image flat = Image.grey("flat", 2, 2, new double[] {3, 3, 3, 3});
    Evaluation e = Evaluation.of(flat, ONE, SparseCode.fromDense(1, 2, 2, new double[4]), 0.1);
    assertThatThrownBy(() -> measure(new PsnrPlugin(), e)).isInstanceOf(SparsecodeException.class)
        .hasMessage("PSNR is undefined for image 'flat': it is constant (every value is 3.0), and the PSNR's peak"
            + " is the image's range (max - min)");
  }

  @Test
  void psnrOfAConstantArrayEqualToItsReconstructionIsAnErrorNotNaN() {
    assertThatThrownBy(() -> Measures.psnr(new double[] {0, 0}, new double[] {0, 0}))
        .isInstanceOf(SparsecodeException.class).hasMessageContaining("the reference image: it is constant");
  }

  @Test
  void psnrOfAReferenceHoldingNanIsAnError() {
    assertThatThrownBy(() -> Measures.psnr(new double[] {0, Double.NaN}, new double[] {0, 0}))
        .isInstanceOf(SparsecodeException.class).hasMessage("PSNR is undefined for the reference image: it holds NaN");
  }

  @Test
  void mseIsTheMeanOfSquaredDifferences() {
    // r = 0: mse = (0 + 1 + 4 + 16) / 4 = 5.25
    assertThat(measure(new MsePlugin(), evaluate(new double[4], 0.1))).isCloseTo(5.25, within(EPS));
  }

  @Test
  void sparsenessOfTheZeroCodeIsOne() {
    assertThat(measure(new SparsenessPlugin(), evaluate(new double[4], 0.1))).isEqualTo(1.0);
  }

  @Test
  void sparsenessCountsNonZerosOverAllCoefficients() {
    // one non-zero out of four: 1 - 1/4
    assertThat(measure(new SparsenessPlugin(), evaluate(new double[] {0, 0, 3, 0}, 0.1)))
        .isCloseTo(0.75, within(EPS));
  }

  @Test
  void l0AndL1CountAndSumTheCoefficients() {
    Evaluation e = evaluate(new double[] {0, -1.5, 0, 2}, 0.1);
    assertThat(measure(new L0Plugin(), e)).isEqualTo(2.0);
    assertThat(measure(new L1Plugin(), e)).isCloseTo(3.5, within(EPS));
  }

  @Test
  void objectiveIsHalfTheSquaredErrorPlusLambdaTimesL1() {
    // x = r = [0, 1, 2, 2]: ½·(4-2)² = 2, λ‖x‖₁ = 0.5·5 = 2.5, total 4.5
    assertThat(measure(new ObjectivePlugin(), evaluate(new double[] {0, 1, 2, 2}, 0.5)))
        .isCloseTo(4.5, within(EPS));
  }

  @Test
  void objectiveIsNanForASolverWithoutLambda() {
    assertThat(measure(new ObjectivePlugin(), evaluate(new double[4], Double.NaN))).isNaN();
  }

  @Test
  void metricsRejectSettingsOfAnotherType() {
    record Other(Integer x) {}
    assertThatThrownBy(() -> new PsnrPlugin().create(new Other(1), PluginContext.defaults(Precision.FLOAT64)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("psnr");
  }

  @Test
  void everyMetricIsRegisteredUnderItsName() {
    PluginRegistry registry = PluginRegistry.load();
    for (String name : List.of("psnr", "mse", "sparseness", "l0", "l1", "objective")) {
      Plugin<Metric> p = registry.find(Metric.class, name);
      assertThat(p.name()).isEqualTo(name);
      assertThat(p.settings()).isEqualTo(NoSettings.class);
      assertThat(p.description()).isNotEmpty();
    }
  }
}
