package org.sparsecode.core.solver.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.api.solver.SolverException;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.TestFixtures;
import org.sparsecode.core.fft.DoubleDictionarySpectra;
import org.sparsecode.core.fft.ParallelLoop;

/** Matching pursuit: local updates against full re-correlation, warm start, stopping rules, bad input. */
class MatchingPursuitTest {

  private static Image crop(int height, int width) {
    Image c = TestFixtures.camera(64);
    double[] p = new double[height * width];
    for (int y = 0; y < height; y++) {
      System.arraycopy(c.pixels(), y * 64, p, y * width, width);
    }
    return Image.grey("crop", width, height, p);
  }

  private static Dictionary unit(Dictionary d) {
    int k2 = d.size() * d.size();
    double[] u = d.kernels().clone();
    for (int k = 0; k < d.count(); k++) {
      double n = d.norm(k);
      for (int i = 0; i < k2; i++) {
        u[k * k2 + i] /= n;
      }
    }
    return Dictionary.of(d.size(), d.count(), u);
  }

  private static void assertSameAtomsAsPlain(Dictionary d, Image image, int steps) {
    MatchingPursuit mp = new MatchingPursuit(PursuitSettings.atoms(steps), 1);
    try (MatchingPursuit.Workspace fast = mp.workspace(d, image, null);
        PlainMatchingPursuit plain = new PlainMatchingPursuit(d, image, 1)) {
      for (int i = 0; i < steps; i++) {
        Atom a = fast.step();
        Atom b = plain.step();
        assertThat(new int[] {a.kernel(), a.y(), a.x()}).as("step %d", i)
            .containsExactly(b.kernel(), b.y(), b.x());
        assertThat(a.coefficient()).as("coef %d", i).isCloseTo(b.coefficient(), within(1e-10));
        assertThat(a.residualNorm()).as("norm %d", i).isCloseTo(b.residualNorm(), within(1e-10));
      }
    }
  }

  @Test
  void selectsTheSameAtomsAsThePlainFftPursuit() {
    assertSameAtomsAsPlain(MpFixtures.firstKernels(24), TestFixtures.camera(64), 400);
  }

  @Test
  void selectsTheSameAtomsAsThePlainPursuitOnARectangularImageThatIsNotAMultipleOfTheTile() {
    assertSameAtomsAsPlain(MpFixtures.firstKernels(16), crop(37, 53), 300);
  }

  @Test
  void selectsTheSameAtomsAsThePlainPursuitOnAnImageSmallerThanTwoKernelsWhereOffsetsAlias() {
    // 12 x 12 kernels on 17 x 20: the (2k-1)^2 = 23 x 23 update wraps onto itself.
    assertSameAtomsAsPlain(MpFixtures.firstKernels(16), crop(17, 20), 200);
  }

  @Test
  void theLocallyUpdatedMapEqualsAFullReCorrelationAfter1000AtomsTo1e9() {
    Dictionary d = TestFixtures.fullDictionary();
    Image image = TestFixtures.camera(64);
    MatchingPursuit mp = new MatchingPursuit(PursuitSettings.atoms(1000), 2);
    try (MatchingPursuit.Workspace w = mp.workspace(d, image, null); ParallelLoop loop = new ParallelLoop(1)) {
      for (int i = 0; i < 1000; i++) {
        w.step();
      }
      double[] full = new double[d.count() * 64 * 64];
      new DoubleDictionarySpectra(unit(d), 64, 64).correlate(w.residual(), full, loop);
      double[] local = w.correlations();
      double max = 0;
      for (int i = 0; i < full.length; i++) {
        max = Math.max(max, Math.abs(full[i] - local[i]));
      }
      assertThat(max).isLessThan(1e-9);
      double norm = 0;
      for (double v : w.residual()) {
        norm += v * v;
      }
      assertThat(w.normSq()).isCloseTo(norm, within(1e-9 * norm));
    }
  }

  @Test
  void theCodeIsForTheDictionaryAsGivenSoScalingAKernelScalesItsCoefficientsInversely() {
    Dictionary d = MpFixtures.firstKernels(8);
    double[] scaled = d.kernels().clone();
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] *= 3.0;
    }
    Dictionary d3 = Dictionary.of(d.size(), d.count(), scaled);
    Image image = TestFixtures.camera(64);
    MatchingPursuit mp = new MatchingPursuit(PursuitSettings.atoms(50), 1);
    SparseCode c1 = mp.solve(d, image).code();
    SparseCode c3 = mp.solve(d3, image).code();
    assertThat(c3.indices()).containsExactly(c1.indices());
    for (int i = 0; i < c1.nonZeros(); i++) {
      assertThat(c3.values()[i] * 3.0).isCloseTo(c1.values()[i], within(1e-12));
    }
    double[] residual = image.pixels().clone();
    double[] recon = c3.reconstruct(d3);
    try (MatchingPursuit.Workspace w = mp.workspace(d3, image, null)) {
      for (int i = 0; i < 50; i++) {
        w.step();
      }
      double[] r = w.residual();
      for (int i = 0; i < residual.length; i++) {
        assertThat(recon[i] + r[i]).isCloseTo(residual[i], within(1e-12));
      }
    }
  }

  @Test
  void aWarmStartFromTheFirstAtomsContinuesTheSameSequence() {
    Dictionary d = MpFixtures.firstKernels(24);
    Image image = TestFixtures.camera(64);
    SparseCode first = new MatchingPursuit(PursuitSettings.atoms(60), 1).solve(d, image).code();
    CodingResult whole = new MatchingPursuit(PursuitSettings.atoms(120), 1).solve(d, image);
    CodingResult resumed = new MatchingPursuit(PursuitSettings.atoms(60), 1)
        .solve(d, image, first, stats -> { });
    assertThat(resumed.iterations()).isEqualTo(60);
    assertThat(resumed.code().indices()).containsExactly(whole.code().indices());
    for (int i = 0; i < whole.code().nonZeros(); i++) {
      assertThat(resumed.code().values()[i]).isCloseTo(whole.code().values()[i], within(1e-10));
    }
    assertThat(resumed.stats().get(59).primalResidual())
        .isCloseTo(whole.stats().get(119).primalResidual(), within(1e-10));
  }

  @Test
  void residualFractionStopsAtTheFirstAtomBelowTheFractionAsConverged() {
    Dictionary d = MpFixtures.firstKernels(24);
    Image image = TestFixtures.camera(64);
    CodingResult r = new MatchingPursuit(new PursuitSettings(50000, 0.8, null), 1).solve(d, image);
    double s2 = 0;
    for (double v : image.pixels()) {
      s2 += v * v;
    }
    List<IterationStats> stats = r.stats();
    double last = stats.get(stats.size() - 1).primalResidual();
    double previous = stats.get(stats.size() - 2).primalResidual();
    assertThat(r.converged()).isTrue();
    assertThat(last * last / s2).isLessThanOrEqualTo(0.8);
    assertThat(previous * previous / s2).isGreaterThan(0.8);
  }

  @Test
  void minCoefficientStopsBeforeTheFirstSmallerCoefficient() {
    Dictionary d = MpFixtures.firstKernels(24);
    Image image = TestFixtures.camera(64);
    MatchingPursuit mp = new MatchingPursuit(new PursuitSettings(50000, null, 2.0), 1);
    CodingResult r = mp.solve(d, image);
    assertThat(r.converged()).isTrue();
    assertThat(r.iterations()).isGreaterThan(0);
    try (MatchingPursuit.Workspace w = mp.workspace(d, image, null)) {
      for (int i = 0; i < r.iterations(); i++) {
        assertThat(Math.abs(w.step().coefficient())).isGreaterThanOrEqualTo(2.0);
      }
      assertThat(w.nextMagnitude()).isLessThan(2.0);
    }
  }

  @Test
  void theListenerSeesOneRowPerAtomWithHalfTheResidualEnergy() {
    List<IterationStats> seen = new ArrayList<>();
    CodingResult r = new MatchingPursuit(PursuitSettings.atoms(30), 1)
        .solve(MpFixtures.firstKernels(8), TestFixtures.camera(64), seen::add);
    assertThat(seen).containsExactlyElementsOf(r.stats());
    IterationStats row = seen.get(29);
    assertThat(row.iteration()).isEqualTo(29);
    assertThat(row.objective()).isEqualTo(row.dataFidelity());
    assertThat(row.dataFidelity()).isCloseTo(0.5 * row.primalResidual() * row.primalResidual(), within(1e-9));
    assertThat(row.regularization()).isNaN();
  }

  @Test
  void theResidualEnergyNeverIncreasesSoThePursuitCannotDiverge() {
    // Each atom removes c² from ‖r‖² (unit kernels, c the correlation): no step size to set, nothing to diverge.
    // The objective is ½‖r‖², bounded by the zero code's ½‖s‖² from the first atom on.
    Image s = TestFixtures.camera(64);
    List<IterationStats> rows = new MatchingPursuit(PursuitSettings.atoms(500), 1)
        .solve(MpFixtures.firstKernels(8), s).stats();
    assertThat(rows).hasSize(500);
    double zero = 0;
    for (double v : s.pixels()) {
      zero += v * v / 2;
    }
    assertThat(rows.get(0).objective()).isLessThan(zero);
    for (int i = 1; i < rows.size(); i++) {
      assertThat(rows.get(i).objective()).as("atom %d", i).isLessThanOrEqualTo(rows.get(i - 1).objective());
    }
  }

  @Test
  void aZeroImageSelectsNoAtom() {
    // A constant image is 0 after LCN: zero residual, so the pursuit stops at once with an empty code.
    Image zero = Image.grey("zero", 32, 32, new double[32 * 32]);
    CodingResult r = new MatchingPursuit(PursuitSettings.defaults(), 1).solve(MpFixtures.firstKernels(4), zero);
    assertThat(r.iterations()).isZero();
    assertThat(r.code().nonZeros()).isZero();
    assertThat(r.converged()).isTrue();
    assertThat(r.stats()).isEmpty();
  }

  @Test
  void aZeroKernelIsAnErrorNamingTheKernel() {
    Dictionary d = MpFixtures.firstKernels(6);
    double[] k = d.kernels().clone();
    Arrays.fill(k, 3 * 144, 4 * 144, 0.0);
    Dictionary bad = Dictionary.of(12, 6, k);
    assertThatThrownBy(() -> new MatchingPursuit(PursuitSettings.atoms(5), 1).solve(bad, TestFixtures.camera(64)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kernel 3");
  }

  @Test
  void aNanKernelStopsTheSolveWithASolverExceptionNamingTheKernel() {
    double[] k = MpFixtures.firstKernels(6).kernels().clone();
    k[2 * 144 + 7] = Double.NaN;
    Dictionary bad = Dictionary.of(12, 6, k);
    assertThatThrownBy(() -> new MatchingPursuit(PursuitSettings.atoms(5), 1).solve(bad, TestFixtures.camera(64)))
        .isInstanceOf(SolverException.class)
        .hasMessage("kernel 2 of the dictionary holds NaN or infinite values (norm NaN): check the dictionary");
  }

  @Test
  void moreAtomsThanCoefficientsIsAnErrorNamingMaxAtoms() {
    Image small = crop(12, 12);
    MatchingPursuit mp = new MatchingPursuit(PursuitSettings.atoms(2 * 144 + 1), 1);
    assertThatThrownBy(() -> mp.solve(MpFixtures.firstKernels(2), small))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAtoms");
  }

  @Test
  void aNanPixelIsASolverException() {
    double[] p = TestFixtures.camera(64).pixels().clone();
    p[100] = Double.NaN;
    Image image = Image.grey("nan", 64, 64, p);
    assertThatThrownBy(() -> new MatchingPursuit(PursuitSettings.atoms(5), 1)
        .solve(MpFixtures.firstKernels(4), image)).isInstanceOf(SolverException.class).hasMessageContaining("NaN");
  }

  @Test
  void aColourImageIsRejected() {
    Image rgb = new Image("rgb", 16, 16, 3, new double[3 * 16 * 16]);
    assertThatThrownBy(() -> new MatchingPursuit(PursuitSettings.atoms(5), 1)
        .solve(MpFixtures.firstKernels(4), rgb)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("grey");
  }
}
