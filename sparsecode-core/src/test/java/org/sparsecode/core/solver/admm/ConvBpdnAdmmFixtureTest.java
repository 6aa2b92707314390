package org.sparsecode.core.solver.admm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.core.TestFixtures;

/**
 * {@code cbpdn-admm} against SPORCO 0.2.3's {@code admm.cbpdn.ConvBPDN} on the fixtures listed in
 * src/test/resources/fixtures/README.md (D = dict_full_D.npy, S = img_camera_lcn{64,256}.npy). Tolerances are the
 * fixture generator's: stats columns 1e-9 relative (an independent numpy port matched to 2.5e-12; SPORCO's own
 * run-to-run spread is 1.8e-11), reconstructions 1e-8 absolute.
 */
class ConvBpdnAdmmFixtureTest {
  private static final double LAMBDA = 1e-2;
  private static final Map<String, CodingResult> SOLVED = new ConcurrentHashMap<>();

  /** The fixtures' option sets, mapped to our settings. */
  static CbpdnAdmmSettings options(String set, double lambda, int maxIterations) {
    return switch (set) {
      // {'MaxMainIter': 100, 'RelStopTol': 1e-4, 'AuxVarObj': False}: our defaults.
      case "papercall" -> new CbpdnAdmmSettings(lambda, maxIterations, null, null, null, null, null, null, null);
      // {'RelStopTol': 1e-3, 'RelaxParam': 1.8, 'L1Weight': 1.0, 'AutoRho': {'RsdlRatio': 1.05}}
      case "mainpy" -> new CbpdnAdmmSettings(lambda, maxIterations, 1e-3, null, 1.8, null, 1.0, null,
          new AutoRhoSettings(null, null, 1.05, null, null, null));
      // {'RelStopTol': 0.0, 'RelaxParam': 1.8, 'L1Weight': 1.0, 'AutoRho': {'Enabled': False}}
      case "fixedrho" -> new CbpdnAdmmSettings(lambda, maxIterations, 0.0, null, 1.8, null, 1.0, null,
          AutoRhoSettings.disabled());
      default -> throw new IllegalArgumentException(set);
    };
  }

  static CodingResult solve(CbpdnAdmmSettings settings, Precision precision, int size) {
    return new ConvBpdnAdmm(settings, precision, 2).solve(TestFixtures.fullDictionary(), TestFixtures.camera(size));
  }

  private static CodingResult solved64(String set) {
    return SOLVED.computeIfAbsent(set, s -> solve(options(s, LAMBDA, 100), Precision.FLOAT64, 64));
  }

  static void assertStatsMatch(List<IterationStats> actual, List<double[]> expected, double relative) {
    assertThat(actual).as("number of iterations run").hasSize(expected.size());
    String[] names = {"ObjFun", "DFid", "RegL1", "PrimalRsdl", "DualRsdl", "EpsPrimal", "EpsDual", "Rho"};
    for (int i = 0; i < expected.size(); i++) {
      IterationStats a = actual.get(i);
      double[] e = expected.get(i);
      double[] got = {a.objective(), a.dataFidelity(), a.regularization(), a.primalResidual(),
          a.dualResidual(), a.epsPrimal(), a.epsDual(), a.penalty()};
      assertThat(a.iteration()).isEqualTo((int) e[0]);
      for (int c = 0; c < names.length; c++) {
        assertThat(got[c]).as("iteration %d column %s", i, names[c])
            .isCloseTo(e[c + 1], within(relative * Math.abs(e[c + 1])));
      }
    }
  }

  static void assertReconstructionMatches(CodingResult result, String file, double absolute) {
    double[] recon = result.code().reconstruct(TestFixtures.fullDictionary());
    double[] expected = TestFixtures.array(file);
    assertThat(recon).hasSameSizeAs(expected);
    for (int i = 0; i < recon.length; i++) {
      assertThat(recon[i]).as("pixel %d", i).isCloseTo(expected[i], within(absolute));
    }
  }

  static double psnr(Image s, double[] recon) {
    double[] p = s.pixels();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double mse = 0;
    for (int i = 0; i < p.length; i++) {
      min = Math.min(min, p[i]);
      max = Math.max(max, p[i]);
      mse += (p[i] - recon[i]) * (p[i] - recon[i]);
    }
    mse /= p.length;
    return 10 * Math.log10((max - min) * (max - min) / mse);
  }

  @ParameterizedTest
  @ValueSource(strings = {"papercall", "mainpy", "fixedrho"})
  void everyStatsColumnMatchesSporcoTo1e9(String set) {
    assertStatsMatch(solved64(set).stats(), TestFixtures.csvRows("cbpdn64_full_l1e-2_" + set + "_stats.csv"), 1e-9);
  }

  @ParameterizedTest
  @ValueSource(strings = {"papercall", "mainpy", "fixedrho"})
  void reconstructionMatchesSporcoTo1e8(String set) {
    assertReconstructionMatches(solved64(set), "cbpdn64_full_l1e-2_" + set + "_recon.npy", 1e-8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"papercall", "mainpy", "fixedrho"})
  void psnrAndSparsenessMatchSporco(String set) {
    CodingResult r = solved64(set);
    String json = "cbpdn64_full_l1e-2_" + set + ".json";
    double psnr = psnr(TestFixtures.camera(64), r.code().reconstruct(TestFixtures.fullDictionary()));
    // PSNR from reconstructions equal to 1e-8 (pixels of ~1, MSE ~0.05): well within 1e-7 dB.
    assertThat(psnr).isCloseTo(TestFixtures.jsonNumber(json, "psnr_sporco"), within(1e-7));
    // Same exact zeros as SPORCO's soft threshold: the non-zero count may differ by a handful at most.
    assertThat((double) r.code().nonZeros()).isCloseTo(TestFixtures.jsonNumber(json, "nnz"), within(3.0));
    assertThat(r.code().sparseness())
        .isCloseTo(TestFixtures.jsonNumber(json, "sparseness_1_minus_nnz_over_size"), within(1e-5));
  }

  @Test
  void paperCallStopsOnlyAtTheIterationLimitAsInSporco() {
    CodingResult r = solved64("papercall");
    assertThat(r.iterations()).isEqualTo((int) TestFixtures.jsonNumber("cbpdn64_full_l1e-2_papercall.json",
        "iterations_run"));
    assertThat(r.converged()).isFalse();
  }

  @Test
  void float32ObjectiveFollowsSporcoFloat64To1e3() {
    CodingResult r = solve(options("papercall", LAMBDA, 100), Precision.FLOAT32, 64);
    List<double[]> expected = TestFixtures.csvRows("cbpdn64_full_l1e-2_papercall_stats.csv");
    assertThat(r.stats()).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      // Single-precision storage (rounding 6e-8) amplified by 100 AutoRho iterations: 1e-3 relative.
      assertThat(r.stats().get(i).objective()).as("iteration %d", i)
          .isCloseTo(expected.get(i)[1], within(1e-3 * expected.get(i)[1]));
    }
  }

  @Test
  void firstTenIterationsAt256MatchSporcoTo1e9() {
    CodingResult r = solve(options("mainpy", LAMBDA, 10), Precision.FLOAT64, 256);
    assertStatsMatch(r.stats(), TestFixtures.csvRows("cbpdn256_full_l1e-2_mainpy_stats.csv").subList(0, 10), 1e-9);
  }

  @Tag("slow")
  @ParameterizedTest
  @ValueSource(strings = {"l1e-2", "l1e-3"})
  void mainPyAt256MatchesSporcoStatsAndReconstruction(String lambdaTag) {
    double lambda = lambdaTag.equals("l1e-2") ? 1e-2 : 1e-3;
    CodingResult r = solve(options("mainpy", lambda, 100), Precision.FLOAT64, 256);
    String prefix = "cbpdn256_full_" + lambdaTag + "_mainpy";
    assertStatsMatch(r.stats(), TestFixtures.csvRows(prefix + "_stats.csv"), 1e-9);
    assertReconstructionMatches(r, prefix + "_recon.npy", 1e-8);
    double psnr = psnr(TestFixtures.camera(256), r.code().reconstruct(TestFixtures.fullDictionary()));
    assertThat(psnr).isCloseTo(TestFixtures.jsonNumber(prefix + ".json", "psnr_sporco"), within(1e-7));
  }

  @Test
  void resultsDoNotDependOnTheThreadCount() {
    Dictionary d = TestFixtures.fullDictionary();
    Image s = TestFixtures.camera(64);
    CbpdnAdmmSettings settings = options("papercall", LAMBDA, 20);
    CodingResult one = new ConvBpdnAdmm(settings, Precision.FLOAT64, 1).solve(d, s);
    CodingResult three = new ConvBpdnAdmm(settings, Precision.FLOAT64, 3).solve(d, s);
    assertThat(three.code()).isEqualTo(one.code());
    for (int i = 0; i < one.stats().size(); i++) {
      assertThat(three.stats().get(i).objective()).isEqualTo(one.stats().get(i).objective());
    }
  }
}
