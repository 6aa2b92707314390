package org.sparsecode.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.sparsecode.core.TestFixtures.array;
import static org.sparsecode.core.kernel.KernelFixtures.maxAbsDiff;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.kernel.KernelInfo;
import org.sparsecode.core.TestFixtures;
import org.sparsecode.core.io.DictionaryFiles;

/**
 * Log-Gabor kernels against the LogGabor/SLIP reference arrays (fixtures README §1). Tolerance 1e-12
 * absolute everywhere: the README's suggested tolerance for grids and kernels (a numpy port of the same
 * formulas reproduces them bit-exactly; the remaining differences are libm and FFT rounding).
 */
class LogGaborKernelsTest {
  private static final double TOL = 1e-12;

  /** Full-dictionary kernel 0: θ = 0, B_θ = π/36, phase 0, sf_0 = B_sf = 0.4. */
  private static final KernelInfo K0 = new KernelInfo(0.0, 0.08726646259971647, 0.0, 0.4, 0.4);

  @ParameterizedTest(name = "N={0} {1}")
  @CsvSource({
      "12, grid_fx", "12, grid_fy", "12, grid_f", "12, grid_ftheta", "12, fmask", "12, mask",
      "16, grid_f", "16, grid_ftheta", "16, fmask", "16, mask"})
  void gridsMatchSlipTo1e12(int size, String grid) {
    LogGaborKernels lg = LogGaborKernels.ofSize(size);
    double[] actual = switch (grid) {
      case "grid_fx" -> lg.fx();
      case "grid_fy" -> lg.fy();
      case "grid_f" -> lg.f();
      case "grid_ftheta" -> lg.fTheta();
      case "fmask" -> lg.fMask();
      case "mask" -> lg.mask();
      default -> throw new IllegalArgumentException(grid);
    };
    assertThat(maxAbsDiff(actual, array("lg" + size + "_" + grid + ".npy"))).isLessThanOrEqualTo(TOL);
  }

  @Test
  void kernelZeroEnvelopeMatchesLogGaborTo1e12() {
    LogGaborKernels.Spectrum e = LogGaborKernels.ofSize(12).envelope(K0);
    assertThat(maxAbsDiff(e.re(), array("lg12_k0_env_re.npy"))).isLessThanOrEqualTo(TOL);
    assertThat(maxAbsDiff(e.im(), array("lg12_k0_env_im.npy"))).isLessThanOrEqualTo(TOL);
  }

  @Test
  void kernelZeroRawMatchesLogGaborTo1e12() {
    assertThat(maxAbsDiff(LogGaborKernels.ofSize(12).raw(K0), array("lg12_k0_raw.npy"))).isLessThanOrEqualTo(TOL);
  }

  @ParameterizedTest(name = "B_theta={0} phase={1}")
  @CsvSource({"0.1, 0", "0.1, pi2", "0.5, 0", "0.5, pi2"})
  void singleSize16KernelsMatchLogGaborTo1e12(double bTheta, String phase) {
    // lg_single_kernels.json: N = 16, sf_0 = .25, B_sf = .6, theta = .3, translation (8, 8)
    KernelInfo p = new KernelInfo(0.3, bTheta, "pi2".equals(phase) ? Math.PI / 2 : 0.0, 0.25, 0.6);
    String prefix = "lg16_sf0.25_Bsf0.6_th0.3_Bth" + bTheta + "_ph" + phase + "_";
    LogGaborKernels lg = LogGaborKernels.ofSize(16);
    LogGaborKernels.Spectrum e = lg.envelope(p);
    assertThat(maxAbsDiff(e.re(), array(prefix + "env_re.npy"))).as("env re").isLessThanOrEqualTo(TOL);
    assertThat(maxAbsDiff(e.im(), array(prefix + "env_im.npy"))).as("env im").isLessThanOrEqualTo(TOL);
    assertThat(maxAbsDiff(lg.raw(p), array(prefix + "raw.npy"))).as("raw").isLessThanOrEqualTo(TOL);
    assertThat(maxAbsDiff(lg.kernel(p), array(prefix + "kernel.npy"))).as("kernel").isLessThanOrEqualTo(TOL);
  }

  @Test
  void singleKernelScalesMatchTheReferenceJson() {
    // lg_single_kernels.json lists, in the order B_theta 0.1/0.5 x phase 0/pi2, the median of raw and
    // max|raw - median|; relative 1e-12 (same rounding argument as the arrays)
    String json = String.join("\n", TestFixtures.lines("lg_single_kernels.json"));
    Matcher m = Pattern.compile("\"raw_maxabs_after_centering\": ([0-9.eE+-]+)").matcher(json);
    Matcher med = Pattern.compile("\"raw_median\": ([0-9.eE+-]+)").matcher(json);
    LogGaborKernels lg = LogGaborKernels.ofSize(16);
    for (double bTheta : new double[] {0.1, 0.5}) {
      for (double phase : new double[] {0.0, Math.PI / 2}) {
        assertThat(m.find() && med.find()).isTrue();
        double[] raw = lg.raw(new KernelInfo(0.3, bTheta, phase, 0.25, 0.6));
        double[] sorted = raw.clone();
        Arrays.sort(sorted);
        double median = (sorted[127] + sorted[128]) / 2;
        double maxAbs = Arrays.stream(raw).map(v -> Math.abs(v - median)).max().orElseThrow();
        assertThat(median).isEqualTo(Double.parseDouble(med.group(1)));
        assertThat(maxAbs).isCloseTo(Double.parseDouble(m.group(1)), within(1e-12 * maxAbs));
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"full, 12, 6, 2", "thin, 72, 1, 2"})
  void presetShapesAgreeWithDictsJson(String preset, int nTheta, int nBTheta, int nPhase) {
    String json = String.join("\n", TestFixtures.lines("dicts.json"));
    String block = json.substring(json.indexOf("\"" + preset + "\""));
    assertThat(block).contains("\"N_theta\": " + nTheta + ",", "\"N_Btheta\": " + nBTheta + ",",
        "\"N_phase\": " + nPhase + ",", "\"filter_size\": 12,");
    LogGaborSettings s = LogGaborSettings.preset(preset);
    assertThat(s.thetaValues()).hasSize(nTheta);
    assertThat(s.bThetaValues()).hasSize(nBTheta);
    assertThat(s.phaseValues()).hasSize(nPhase);
    assertThat(s.size()).isEqualTo(12);
  }

  @ParameterizedTest
  @ValueSource(strings = {"full", "thin"})
  void presetDictionariesMatchTheReferenceTo1e12(String preset) {
    Dictionary expected = DictionaryFiles.read(TestFixtures.path("dict_" + preset + "_D.npy"));
    Dictionary actual = LogGaborPlugin.generator(new LogGaborSettings(preset, null, null, null, null, null, null))
        .generate();
    assertThat(actual.size()).isEqualTo(12);
    assertThat(actual.count()).isEqualTo(144);
    assertThat(maxAbsDiff(actual.kernels(), expected.kernels())).isLessThanOrEqualTo(TOL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"full", "thin"})
  void presetKernelParametersEqualTheReferenceCsvExactly(String preset) {
    Dictionary d = LogGaborPlugin.generator(new LogGaborSettings(preset, null, null, null, null, null, null))
        .generate();
    List<String> rows = TestFixtures.lines("dict_" + preset + "_params.csv");
    assertThat(rows.get(0)).isEqualTo("index,theta,B_theta,phase,sf_0,B_sf");
    assertThat(rows).hasSize(145);
    for (int k = 0; k < 144; k++) {
      String[] c = rows.get(k + 1).split(",");
      KernelInfo info = d.info().get(k);
      // the CSV holds Python reprs (shortest round-trip strings): the doubles must be identical
      assertThat(Integer.parseInt(c[0])).isEqualTo(k);
      assertThat(info.theta()).as("theta of %d", k).isEqualTo(Double.parseDouble(c[1]));
      assertThat(info.bTheta()).as("B_theta of %d", k).isEqualTo(Double.parseDouble(c[2]));
      assertThat(info.phase()).as("phase of %d", k).isEqualTo(Double.parseDouble(c[3]));
      assertThat(info.sf0()).isEqualTo(Double.parseDouble(c[4]));
      assertThat(info.bsf()).isEqualTo(Double.parseDouble(c[5]));
    }
  }

  @Test
  void everyKernelIsMedianCentredWithMaxAbsOne() {
    Dictionary d = LogGaborKernels.ofSize(12).dictionary(0.4, 0.4, new double[] {0, 1}, new double[] {0.2, 0.4},
        new double[] {0, Math.PI / 2});
    for (int k = 0; k < d.count(); k++) {
      double max = 0;
      for (double v : d.kernel(k)) {
        max = Math.max(max, Math.abs(v));
      }
      assertThat(max).isEqualTo(1.0);
    }
  }

  @Test
  void atomOrderIsThetaThenBThetaThenPhase() {
    double[] thetas = {0.1, 0.2, 0.3};
    double[] bThetas = {0.3, 0.4};
    double[] phases = {0.0, 1.0};
    Dictionary d = LogGaborKernels.ofSize(12).dictionary(0.4, 0.4, thetas, bThetas, phases);
    int k = (2 * 2 + 1) * 2 + 1;
    assertThat(d.info().get(k)).isEqualTo(new KernelInfo(0.3, 0.4, 1.0, 0.4, 0.4));
  }

  @Test
  void verySmallBThetaStillGivesFiniteKernels() {
    // SLIP's exp(cos/B^2) overflows below B_theta ~ 0.053; the stable form does not
    double[] k = LogGaborKernels.ofSize(12).kernel(new KernelInfo(0.5, 0.01, 0.0, 0.4, 0.4));
    assertThat(Arrays.stream(k).allMatch(Double::isFinite)).isTrue();
    assertThat(Arrays.stream(k).map(Math::abs).max().orElse(0)).isEqualTo(1.0);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -0.1, Double.NaN})
  void nonPositiveBThetaIsAConfigErrorNamingBThetas(double bTheta) {
    assertThatThrownBy(() -> LogGaborKernels.ofSize(12).dictionary(0.4, 0.4, new double[] {0},
        new double[] {0.1, bTheta}, new double[] {0}))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("bThetas:");
  }

  @ParameterizedTest
  @ValueSource(ints = {11, 1, 0, -4})
  void oddOrTooSmallSizeIsAConfigErrorNamingSize(int size) {
    assertThatThrownBy(() -> LogGaborKernels.ofSize(size))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("size:")
        .hasMessageContaining(String.valueOf(size));
  }

  @Test
  void aRadialBandBelowTheGridIsAConfigErrorOnSf0InsteadOfAnArithmeticException() {
    // sf0 = 0.001 cycles/pixel with B_sf = 0.1: exp(-ln²(f/sf0)/(2 B_sf²)) underflows to 0 at every f >= 1/8
    assertThatThrownBy(() -> LogGaborKernels.ofSize(8).dictionary(0.001, 0.1, new double[] {0, 0.3},
        new double[] {0.2}, new double[] {0}))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("sf0: log-Gabor kernel 0 (θ 0.000, B_θ 0.2000, phase 0.000, sf0 0.001000, B_sf"
            + " 0.1000) would be all zeros: the radial band sf0 = 0.001 cycles/pixel, bsf = 0.1 holds none of the"
            + " frequencies a 8x8 kernel can represent (about 0.125 to 0.5 cycles/pixel)");
  }

  @Test
  void anOrientationBandNarrowerThanTheGridIsAConfigErrorOnBThetasNamingTheKernel() {
    // θ = 0.3 lies between the grid's directions: with B_θ = 1e-4 every exp((cos - 1)/B_θ²) underflows
    assertThatThrownBy(() -> LogGaborKernels.ofSize(8).dictionary(0.4, 0.4, new double[] {0, 0.3},
        new double[] {1e-4}, new double[] {0, 1}))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("bThetas: log-Gabor kernel 2 (θ 0.3000, B_θ 0.0001000, phase 0.000, sf0 0.4000,"
            + " B_sf 0.4000) would be all zeros: the orientation bandwidth B_θ = 1.0E-4 rad is too narrow");
  }

  @Test
  void checkEnergyFindsTheSameProblemWithoutComputingTheKernels() {
    assertThatThrownBy(() -> LogGaborKernels.ofSize(8).checkEnergy(0.4, 0.4, new double[] {0, 0.3},
        new double[] {1e-4}))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("bThetas: log-Gabor kernel 1 (θ 0.3000, B_θ 0.0001000");
    LogGaborKernels.ofSize(12).checkEnergy(0.4, 0.4, new double[] {0, 0.3}, new double[] {Math.PI / 15});
  }

  @Test
  void thePluginRefusesDegenerateSettingsWhenBuiltSoThatValidateSeesThem() {
    LogGaborSettings s = new LogGaborSettings(null, 8, 0.001, 0.1, 4, List.of(0.2), null);
    var context = new org.sparsecode.api.PluginContext(0L, org.sparsecode.api.Precision.FLOAT64, 1,
        java.nio.file.Path.of("."));
    assertThatThrownBy(() -> new LogGaborPlugin().create(s, context))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("sf0"));
  }

  private static Dictionary full(String normalise) {
    return LogGaborPlugin.generator(new LogGaborSettings("full", null, null, null, null, null, null, normalise))
        .generate();
  }

  @Test
  void unitL2KernelsOfTheFullPresetHaveNormOneWithin1e12() {
    Dictionary d = full("unit-l2");
    assertThat(d.count()).isEqualTo(144);
    for (int k = 0; k < d.count(); k++) {
      assertThat(d.norm(k)).as("norm of kernel %d", k).isCloseTo(1.0, within(1e-12));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"full", "thin"})
  void theDefaultNormalisationIsPeakBitForBit(String preset) {
    double[] byDefault = LogGaborPlugin.generator(LogGaborSettings.preset(preset)).generate().kernels();
    double[] peak = LogGaborPlugin.generator(new LogGaborSettings(preset, null, null, null, null, null, null,
        "peak")).generate().kernels();
    assertThat(Arrays.equals(byDefault, peak)).isTrue();
    assertThat(maxAbsDiff(peak, DictionaryFiles.read(TestFixtures.path("dict_" + preset + "_D.npy")).kernels()))
        .isLessThanOrEqualTo(TOL);
  }

  @Test
  void aUnitL2KernelIsThePeakKernelDividedByItsNorm() {
    Dictionary peak = full("peak");
    Dictionary unit = full("unit-l2");
    assertThat(unit.info()).isEqualTo(peak.info());
    for (int k = 0; k < peak.count(); k++) {
      double norm = peak.norm(k);
      double[] expected = peak.kernel(k);
      for (int i = 0; i < expected.length; i++) {
        expected[i] /= norm;
      }
      assertThat(maxAbsDiff(unit.kernel(k), expected)).as("kernel %d", k).isLessThanOrEqualTo(1e-15);
    }
  }

  @Test
  void withPeakOneTheNarrowestBandwidthHasTheLargestNorms() {
    // why unit-l2 exists: 'full' kernels at B_θ = 5° have ℓ2 norms 2.85-3.93, at 30° 1.52-2.22
    Dictionary d = full("peak");
    double min5 = Double.MAX_VALUE;
    double max5 = 0;
    double min30 = Double.MAX_VALUE;
    double max30 = 0;
    for (int k = 0; k < d.count(); k++) {
      double norm = d.norm(k);
      if (d.info().get(k).bTheta() < 0.1) {
        min5 = Math.min(min5, norm);
        max5 = Math.max(max5, norm);
      } else if (d.info().get(k).bTheta() > 0.5) {
        min30 = Math.min(min30, norm);
        max30 = Math.max(max30, norm);
      }
    }
    assertThat(new double[] {min5, max5, min30, max30}).containsExactly(new double[] {2.85, 3.93, 1.52, 2.22},
        within(0.005));
  }

  @Test
  void normalizeUnitL2SubtractsTheMedianThenDividesByTheNorm() {
    // median 3; centred [-2, -1, 0, 1, 7] has norm √55
    double[] out = LogGaborKernels.normalizeUnitL2(new double[] {1, 2, 3, 4, 10});
    double r = Math.sqrt(55);
    assertThat(out).containsExactly(new double[] {-2 / r, -1 / r, 0, 1 / r, 7 / r}, within(1e-16));
  }

  @Test
  void normalizeUnitL2LeavesAConstantKernelAtZero() {
    assertThat(LogGaborKernels.normalizeUnitL2(new double[] {2, 2, 2, 2})).containsExactly(0, 0, 0, 0);
  }

  @Test
  void aSingleUnitL2KernelMatchesTheDictionarysKernel() {
    KernelInfo p = new KernelInfo(0.3, 0.1, Math.PI / 2, 0.25, 0.6);
    LogGaborKernels lg = LogGaborKernels.ofSize(16);
    Dictionary d = lg.dictionary(0.25, 0.6, new double[] {0.3}, new double[] {0.1}, new double[] {Math.PI / 2},
        LogGaborKernels.Normalisation.UNIT_L2);
    assertThat(d.kernel(0)).containsExactly(lg.kernel(p, LogGaborKernels.Normalisation.UNIT_L2));
    assertThat(lg.kernel(p, LogGaborKernels.Normalisation.PEAK)).containsExactly(lg.kernel(p));
  }

  @Test
  void anUnknownNormalisationNameIsAConfigErrorListingTheAcceptedOnes() {
    assertThatThrownBy(() -> LogGaborKernels.Normalisation.of("l2"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("normalise: must be one of peak, unit-l2, got 'l2'");
  }
}
