package org.sparsecode.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SparseCode;

class ContractProblemsTest {

  @Test
  void everyKernelHasUnitNorm() {
    Dictionary d = ContractProblems.dictionary();
    for (int k = 0; k < d.count(); k++) {
      assertThat(d.norm(k)).as("kernel %d", k).isCloseTo(1.0, within(1e-12));
    }
  }

  @Test
  void thePlantedAtomsCoverDisjointPixels() {
    int[] cover = new int[ContractProblems.HEIGHT * ContractProblems.WIDTH];
    for (ContractProblems.Atom a : ContractProblems.plantedAtoms(1)) {
      for (int i = 0; i < ContractProblems.KERNEL_SIZE; i++) {
        for (int j = 0; j < ContractProblems.KERNEL_SIZE; j++) {
          cover[((a.y() + i) % ContractProblems.HEIGHT) * ContractProblems.WIDTH + (a.x() + j)
              % ContractProblems.WIDTH]++;
        }
      }
    }
    assertThat(cover).as("atoms covering each pixel").containsOnly(0, 1);
  }

  @Test
  void theReferenceMinimiserOfThePlantedImageIsThePlantedSupportShrunkByLambda() {
    double lambda = 0.03;
    ReferenceMinimum.Reference ref = ReferenceMinimum.of("planted", ContractProblems.dictionary(),
        ContractProblems.planted(lambda), lambda);
    List<ContractProblems.Atom> atoms = ContractProblems.plantedAtoms(lambda);
    assertThat(ref.converged()).as("the reference met its stopping tolerance").isTrue();
    assertThat(ref.code().nonZeros()).isEqualTo(atoms.size());
    double[] x = ref.code().toDense();
    for (ContractProblems.Atom a : atoms) {
      assertThat(x[a.index()]).as("%s", a).isCloseTo(a.amplitude() - lambda * Math.signum(a.amplitude()),
          within(1e-9));
    }
  }

  @Test
  void theReferenceOfTheBusyImageConvergesAndItsMinimumScalesAsLambdaSquared() {
    ReferenceMinimum.Reference small = ReferenceMinimum.of("busy", ContractProblems.dictionary(),
        ContractProblems.busy(0.01), 0.01);
    ReferenceMinimum.Reference large = ReferenceMinimum.of("busy", ContractProblems.dictionary(),
        ContractProblems.busy(0.1), 0.1);
    assertThat(small.converged()).isTrue();
    assertThat(large.converged()).isTrue();
    assertThat(large.objective()).isCloseTo(100 * small.objective(), within(1e-9 * large.objective()));
    // below the zero code's objective, and a code that is neither empty nor dense
    assertThat(small.objective()).isLessThan(Objective.ofZero(ContractProblems.busy(0.01)) / 5);
    assertThat(small.code().nonZeros()).isBetween(ContractProblems.PLANTED_COUNT, 200);
  }

  @Test
  void theCodeOfAtomsAtOnePlaceAddsThem() {
    SparseCode code = ContractProblems.code(List.of(new ContractProblems.Atom(1, 2, 3, 0.5),
        new ContractProblems.Atom(1, 2, 3, 0.25)));
    assertThat(code.indices()).containsExactly((ContractProblems.HEIGHT + 2) * ContractProblems.WIDTH + 3);
    assertThat(code.values()).containsExactly(0.75);
  }
}
