package org.sparsecode.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.kernel.KernelInfo;

class DictionaryChecksTest {

  @Test
  void aUsableDictionaryHasNoProblem() {
    assertThat(DictionaryChecks.find(Dictionary.of(1, 2, new double[] {1, -1}))).isEmpty();
  }

  @Test
  void theFirstAllZeroKernelIsFound() {
    var p = DictionaryChecks.find(Dictionary.of(1, 3, new double[] {1, 0, 0})).orElseThrow();
    assertThat(p.kernel()).isEqualTo(1);
    assertThat(p.allZero()).isTrue();
    assertThat(p.describe()).isEqualTo("kernel 1 is all zeros");
  }

  @Test
  void aNonFiniteValueIsFoundWithItsRowAndColumn() {
    double[] v = {1, 2, 3, 4, 5, 6, 7, Double.POSITIVE_INFINITY};
    var p = DictionaryChecks.find(Dictionary.of(2, 2, v)).orElseThrow();
    assertThat(p.describe()).isEqualTo("kernel 1 holds Infinity at row 1, column 1");
  }

  @Test
  void aNanBeforeAZeroKernelIsReportedFirstInKernelOrder() {
    double[] v = {Double.NaN, 0};
    assertThat(DictionaryChecks.find(Dictionary.of(1, 2, v)).orElseThrow().describe())
        .isEqualTo("kernel 0 holds NaN at row 0, column 0");
  }

  @Test
  void parametersListOnlyTheKnownOnes() {
    assertThat(DictionaryChecks.parameters(new KernelInfo(0.5, Double.NaN, 0, 0.25, Double.NaN)))
        .isEqualTo("θ 0.5000, phase 0.000, sf0 0.2500");
    assertThat(DictionaryChecks.parameters(KernelInfo.UNKNOWN)).isEmpty();
  }
}
