package org.sparsecode.core.solver.fista;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.Precision;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.core.TestFixtures;

/**
 * {@code fista} against SPORCO 0.2.3's {@code pgm.cbpdn.ConvBPDN} on the fixture listed in
 * src/test/resources/fixtures/README.md: D = dict_full_D.npy, S = img_camera_lcn64.npy, λ = 1e-2, L = 2410 fixed,
 * 100 iterations, RelStopTol 0 (fista64_full_l1e-2_stats.csv, _recon.npy). An independent numpy port matched
 * SPORCO's table to 4.4e-13 relative; the fixture generator suggests 1e-9 for stats and 1e-8 absolute for arrays.
 */
class FistaFixtureTest {
  private static final String PREFIX = "fista64_full_l1e-2";
  private static final FistaSettings OPTIONS = new FistaSettings(1e-2, 100, 0.0, 2410.0, null, null, 1.0);
  private static CodingResult float64;

  @BeforeAll
  static void solve() {
    float64 = new Fista(OPTIONS, Precision.FLOAT64, 2, true)
        .solve(TestFixtures.fullDictionary(), TestFixtures.camera(64));
  }

  @Test
  void everyStatsRowMatchesSporcoTo1e9InFloat64() {
    List<double[]> expected = TestFixtures.csvRows(PREFIX + "_stats.csv");
    List<IterationStats> actual = float64.stats();
    assertThat(actual).hasSize(expected.size());
    String[] names = {"ObjFun", "DFid", "RegL1", "Rsdl", "L"};
    for (int i = 0; i < expected.size(); i++) {
      IterationStats a = actual.get(i);
      double[] e = expected.get(i);
      double[] got = {a.objective(), a.dataFidelity(), a.regularization(), a.primalResidual(), a.penalty()};
      assertThat(a.iteration()).isEqualTo((int) e[0]);
      for (int c = 0; c < names.length; c++) {
        assertThat(got[c]).as("iteration %d column %s", i, names[c])
            .isCloseTo(e[c + 1], within(1e-9 * Math.abs(e[c + 1])));
      }
    }
  }

  @Test
  void reconstructionMatchesSporcoTo1e8() {
    double[] recon = float64.code().reconstruct(TestFixtures.fullDictionary());
    double[] expected = TestFixtures.array(PREFIX + "_recon.npy");
    assertThat(recon).hasSameSizeAs(expected);
    for (int i = 0; i < recon.length; i++) {
      assertThat(recon[i]).as("pixel %d", i).isCloseTo(expected[i], within(1e-8));
    }
  }

  @Test
  void nonZeroCountMatchesSporco() {
    // fista64_full_l1e-2.json "nnz": 573745 of 589824 (the threshold λ/L is tiny: X is still dense).
    assertThat(float64.code().nonZeros()).isBetween(573745 - 5, 573745 + 5);
  }

  @Test
  void float32ObjectiveFollowsTheFloat64TraceTo1e3() {
    CodingResult f32 = new Fista(OPTIONS, Precision.FLOAT32, 2, true)
        .solve(TestFixtures.fullDictionary(), TestFixtures.camera(64));
    List<double[]> expected = TestFixtures.csvRows(PREFIX + "_stats.csv");
    for (int i = 0; i < expected.size(); i++) {
      assertThat(f32.stats().get(i).objective()).as("iteration %d", i)
          .isCloseTo(expected.get(i)[1], within(1e-3 * expected.get(i)[1]));
    }
  }
}
