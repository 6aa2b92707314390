package org.sparsecode.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatTest {

  @Test
  void psnrHasTwoDecimalsAndSparsenessFour() {
    assertThat(Format.metric("psnr", 31.20491)).isEqualTo("31.20");
    assertThat(Format.metric("sparseness", 0.987654)).isEqualTo("0.9877");
    assertThat(Format.metric("resilience_0.1_psnr", 28.456)).isEqualTo("28.46");
  }

  @Test
  void countsAreIntegersAndOtherValuesHaveFourSignificantDigits() {
    assertThat(Format.metric("iterations", 100.0)).isEqualTo("100");
    assertThat(Format.metric("objective", 771.8989)).isEqualTo("771.9");
    assertThat(Format.general(0.01)).isEqualTo("0.01");
    assertThat(Format.general(1.5e-5)).isEqualTo("1.500e-05");
  }

  @Test
  void smallPValuesAreScientificWithThreeSignificantDigits() {
    assertThat(Format.pValue(1.2345e-5)).isEqualTo("1.23e-05");
    assertThat(Format.pValue(0.045678)).isEqualTo("0.0457");
    assertThat(Format.pValue(0.5)).isEqualTo("0.500");
  }

  @Test
  void nonFiniteValuesReadAsWords() {
    assertThat(Format.metric("psnr", Double.NaN)).isEqualTo("n/a");
    assertThat(Format.metric("psnr", Double.POSITIVE_INFINITY)).isEqualTo("∞");
  }
}
