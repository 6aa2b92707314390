package org.sparsecode.experiments.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  private static final Comparison TWO = new Comparison("quick", List.of(
      new Comparison.Row("thin", "log-gabor", 144, 12, 9, new Summary(34.17, 2.27, 34, 30, 37),
          new Summary(0.986, 0.0021, 0.98, 0.97, 0.99), new Summary(7.1, 1, 7, 6, 8)),
      new Comparison.Row("full", "log-gabor", 144, 12, 9, new Summary(32.43, 2.7, 32, 28, 36),
          new Summary(0.9933, 0.0009, 0.99, 0.98, 0.995), new Summary(4.87, 1, 4, 3, 6))));

  @Test
  void markdownHasOneRowPerVariantWithMeanAndSd() {
    List<String> lines = TWO.markdown().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).contains("variant").contains("PSNR (dB)").contains("sparseness");
    assertThat(lines.get(2)).contains("| thin ").contains("34.17 ± 2.27").contains("0.9860 ± 0.0021")
        .contains("144×12×12").contains("7.10");
  }

  @Test
  void csvHasAHeaderAndPlainNumbers() {
    List<String> lines = TWO.csv().lines().toList();
    assertThat(lines.get(0)).startsWith("variant,dictionary,kernels,size,images,psnrMean");
    assertThat(lines.get(2)).isEqualTo("full,log-gabor,144,12,9,32.43,2.7,0.9933,9.0E-4,4.87");
  }
}
