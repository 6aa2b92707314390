package org.sparsecode.core.solver.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.TestFixtures;

/** Orthogonal matching pursuit on the 64 × 64 camera crop with the full dictionary. */
class OrthogonalMatchingPursuitTest {
  private static final int ATOMS = 150;
  private static Dictionary dictionary;
  private static Image image;
  private static List<Atom> atoms;
  private static double[] residual;
  private static SparseCode code;

  @BeforeAll
  static void run() {
    dictionary = TestFixtures.fullDictionary();
    image = TestFixtures.camera(64);
    atoms = new ArrayList<>();
    try (OrthogonalMatchingPursuit.Workspace w = new OrthogonalMatchingPursuit(PursuitSettings.atoms(ATOMS), 2)
        .workspace(dictionary, image, null)) {
      for (int i = 0; i < ATOMS; i++) {
        atoms.add(w.step());
      }
      residual = w.residual();
      code = w.code();
    }
  }

  /** ⟨r, d_k/‖d_k‖ at (y, x)⟩, directly. */
  private static double correlation(double[] r, int k, int y, int x) {
    int size = dictionary.size();
    double n = dictionary.norm(k);
    double s = 0;
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        s += dictionary.get(k, i, j) / n * r[((y + i) % 64) * 64 + (x + j) % 64];
      }
    }
    return s;
  }

  @Test
  void theResidualIsOrthogonalToEverySelectedAtomTo1e8() {
    assertThat(atoms).doesNotContainNull();
    for (Atom a : atoms) {
      assertThat(Math.abs(correlation(residual, a.kernel(), a.y(), a.x()))).isLessThan(1e-8);
    }
  }

  @Test
  void theCodeReconstructsTheImageMinusTheResidual() {
    double[] recon = code.reconstruct(dictionary);
    assertThat(code.nonZeros()).isEqualTo(ATOMS);
    for (int i = 0; i < recon.length; i++) {
      assertThat(recon[i] + residual[i]).isCloseTo(image.pixels()[i], within(1e-10));
    }
  }

  @Test
  void theResidualIsNeverLargerThanMatchingPursuitsForTheSameNumberOfAtoms() {
    try (MatchingPursuit.Workspace mp = new MatchingPursuit(PursuitSettings.atoms(ATOMS), 2)
        .workspace(dictionary, image, null)) {
      for (int i = 0; i < ATOMS; i++) {
        double mpNorm = mp.step().residualNorm();
        assertThat(atoms.get(i).residualNorm()).as("atom %d", i).isLessThanOrEqualTo(mpNorm + 1e-12);
      }
    }
  }

  @Test
  void theFirstAtomIsMatchingPursuitsFirstAtom() {
    List<double[]> rows = TestFixtures.csvRows("mp64_full_sequence.csv");
    Atom a = atoms.get(0);
    assertThat(new int[] {a.kernel(), a.y(), a.x()})
        .containsExactly((int) rows.get(0)[1], (int) rows.get(0)[2], (int) rows.get(0)[3]);
    assertThat(a.coefficient()).isCloseTo(rows.get(0)[4], within(1e-10));
  }

  @Test
  void residualNormsDecreaseMonotonically() {
    for (int i = 1; i < ATOMS; i++) {
      assertThat(atoms.get(i).residualNorm()).isLessThanOrEqualTo(atoms.get(i - 1).residualNorm());
    }
  }

  @Test
  void aWarmStartFromItsOwnCodeDoesNotIncreaseTheObjective() {
    OrthogonalMatchingPursuit omp = new OrthogonalMatchingPursuit(PursuitSettings.atoms(10), 1);
    CodingResult r = omp.solve(dictionary, image, code, stats -> { });
    double before = 0;
    for (double v : residual) {
      before += v * v;
    }
    List<IterationStats> stats = r.stats();
    assertThat(r.iterations()).isEqualTo(10);
    assertThat(stats.get(stats.size() - 1).dataFidelity()).isLessThanOrEqualTo(0.5 * before);
    assertThat(r.code().nonZeros()).isEqualTo(ATOMS + 10);
  }

  @Test
  void aZeroImageSelectsNoAtom() {
    Image zero = Image.grey("zero", 32, 32, new double[32 * 32]);
    CodingResult r = new OrthogonalMatchingPursuit(PursuitSettings.defaults(), 1)
        .solve(MpFixtures.firstKernels(4), zero);
    assertThat(r.iterations()).isZero();
    assertThat(r.code().nonZeros()).isZero();
    assertThat(r.converged()).isTrue();
  }

  @Test
  void aZeroKernelIsAnErrorNamingTheKernel() {
    double[] k = MpFixtures.firstKernels(6).kernels().clone();
    Arrays.fill(k, 0, 144, 0.0);
    Dictionary bad = Dictionary.of(12, 6, k);
    assertThatThrownBy(() -> new OrthogonalMatchingPursuit(PursuitSettings.atoms(5), 1).solve(bad, image))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kernel 0");
  }

  @Test
  void moreAtomsThanCoefficientsIsAnErrorNamingMaxAtoms() {
    OrthogonalMatchingPursuit omp = new OrthogonalMatchingPursuit(PursuitSettings.atoms(4 * 64 * 64 + 1), 1);
    assertThatThrownBy(() -> omp.solve(MpFixtures.firstKernels(4), image))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAtoms");
  }

  @Test
  void anExactlyRepresentableImageIsRecoveredAndTheSolveStopsAsConverged() {
    // Three well-separated atoms: OMP finds them, the residual vanishes, and the pursuit stops by itself.
    Dictionary d = MpFixtures.firstKernels(8);
    double[] dense = new double[8 * 64 * 64];
    dense[(2 * 64 + 5) * 64 + 7] = 1.5;
    dense[(5 * 64 + 30) * 64 + 40] = -2.0;
    dense[(7 * 64 + 50) * 64 + 12] = 0.75;
    SparseCode planted = SparseCode.fromDense(8, 64, 64, dense);
    Image s = Image.grey("planted", 64, 64, planted.reconstruct(d));
    CodingResult r = new OrthogonalMatchingPursuit(new PursuitSettings(50, 1e-20, null), 1).solve(d, s);
    assertThat(r.converged()).isTrue();
    assertThat(r.code().indices()).containsExactly(planted.indices());
    for (int i = 0; i < 3; i++) {
      assertThat(r.code().values()[i]).isCloseTo(planted.values()[i], within(1e-10));
    }
  }
}
