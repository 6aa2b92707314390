package org.sparsecode.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sparsecode.api.Precision;
import org.sparsecode.experiments.config.ConfigError;

class HeapEstimateTest {
  private static final long GIB = 1L << 30;

  @Test
  void theEstimateBoundsTheAdmmWorkingSetOfThePaperSetting() {
    // CBPDN-ADMM on 256x256 with 144 kernels holds 2K pixel arrays and 2K half spectra of 2H(W/2+1) values
    long area = 256L * 256;
    long admm = (2L * 144 * area + 2L * 144 * 2 * 256 * (256 / 2 + 1)) * Float.BYTES;
    assertThat(HeapEstimate.bytes(256, 256, 144, Precision.FLOAT32, 2)).isGreaterThanOrEqualTo(admm)
        .isLessThan(2 * admm);
  }

  @Test
  void float64DoublesTheSolverPart() {
    long f32 = HeapEstimate.bytes(128, 128, 144, Precision.FLOAT32, 1);
    long f64 = HeapEstimate.bytes(128, 128, 144, Precision.FLOAT64, 1);
    assertThat(f64).isGreaterThan(f32 * 19 / 10).isLessThan(2 * f32);
  }

  @Test
  void aSizeWithinTheHeapPasses() {
    assertThatCode(() -> HeapEstimate.check("images.size 128", 128, 128, 144, Precision.FLOAT32, 2, 2 * GIB))
        .doesNotThrowAnyException();
  }

  @Test
  void aSizeBeyondTheHeapIsRefusedWithTheEstimateAndTheXmxToGive() {
    assertThatThrownBy(() -> HeapEstimate.check("images.size 1024", 1024, 1024, 144, Precision.FLOAT32, 2,
        GIB)).isInstanceOf(ConfigError.class)
        .hasMessageContaining("images.size 1024: coding one 1024x1024 image with 144 kernels in float32 needs"
            + " about 2.3 GiB of heap, but the heap is limited to 1.0 GiB")
        .hasMessageMatching("(?s).*(-Xmx3g|more than this machine).*");
  }

  @Test
  void aSizeBeyondJavaArraysIsRefusedWhateverTheHeap() {
    assertThatThrownBy(() -> HeapEstimate.check("images.size 100000", 100000, 100000, 1, Precision.FLOAT32, 1,
        Long.MAX_VALUE)).isInstanceOf(ConfigError.class)
        .hasMessageContaining("larger than the largest array Java can hold");
  }

  @Test
  void sizesReadInBinaryUnits() {
    assertThat(HeapEstimate.size(512)).isEqualTo("512 B");
    assertThat(HeapEstimate.size(3L << 29)).isEqualTo("1.5 GiB");
  }
}
