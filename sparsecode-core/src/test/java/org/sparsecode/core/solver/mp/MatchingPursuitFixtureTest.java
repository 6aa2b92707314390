package org.sparsecode.core.solver.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.TestFixtures;

/**
 * The reference matching pursuit of the fixtures README §5 ({@code mp64_full_*}: numpy, FFT re-correlation
 * at every step, unit-norm kernels, first maximum of |corr| in C order) on the 64 × 64 camera crop with the
 * full dictionary, 200 atoms.
 */
class MatchingPursuitFixtureTest {
  private static final int ATOMS = 200;
  private static List<Atom> atoms;
  private static SparseCode code;
  private static Dictionary dictionary;
  private static CodingResult result;

  @BeforeAll
  static void run() {
    dictionary = TestFixtures.fullDictionary();
    Image image = TestFixtures.camera(64);
    MatchingPursuit mp = new MatchingPursuit(PursuitSettings.atoms(ATOMS), 2);
    atoms = new ArrayList<>();
    try (MatchingPursuit.Workspace w = mp.workspace(dictionary, image, null)) {
      for (int i = 0; i < ATOMS; i++) {
        atoms.add(w.step());
      }
      code = w.code();
    }
    result = mp.solve(dictionary, image);
  }

  @Test
  void selectsTheReferenceAtomsInOrder() {
    List<double[]> rows = TestFixtures.csvRows("mp64_full_sequence.csv");
    assertThat(rows).hasSize(ATOMS);
    for (int i = 0; i < ATOMS; i++) {
      double[] row = rows.get(i);
      Atom a = atoms.get(i);
      assertThat(new int[] {a.kernel(), a.y(), a.x()}).as("step %d", i)
          .containsExactly((int) row[1], (int) row[2], (int) row[3]);
    }
  }

  @Test
  void coefficientsAndResidualNormsMatchTheReferenceTo1e10() {
    List<double[]> rows = TestFixtures.csvRows("mp64_full_sequence.csv");
    for (int i = 0; i < ATOMS; i++) {
      double[] row = rows.get(i);
      assertThat(atoms.get(i).coefficient()).as("coef %d", i).isCloseTo(row[4], within(1e-10));
      assertThat(atoms.get(i).residualNorm()).as("norm %d", i).isCloseTo(row[5], within(1e-10));
    }
  }

  @Test
  void reconstructionWithTheGivenDictionaryMatchesTheUnitKernelReconstructionTo1e12() {
    // coef_given = coef_unit / ||d_k||, so the code for the dictionary as given reconstructs the same image.
    double[] expected = TestFixtures.array("mp64_full_recon.npy");
    double[] got = code.reconstruct(dictionary);
    for (int i = 0; i < expected.length; i++) {
      assertThat(got[i]).isCloseTo(expected[i], within(1e-12));
    }
  }

  @Test
  void solveStopsAtTheAtomLimitWithOneStatsRowPerAtom() {
    assertThat(result.iterations()).isEqualTo(ATOMS);
    assertThat(result.converged()).isFalse();
    assertThat(result.stats()).hasSize(ATOMS);
    assertThat(result.code()).isEqualTo(code);
    // mp64_full.json final_residual_norm
    assertThat(result.stats().get(ATOMS - 1).primalResidual()).isCloseTo(37.671040317812384, within(1e-10));
    assertThat(result.stats().get(ATOMS - 1).dataFidelity())
        .isCloseTo(0.5 * 37.671040317812384 * 37.671040317812384, within(1e-8));
  }
}
