package org.sparsecode.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.solver.SolveListener;
import org.sparsecode.api.solver.SolverException;

/** The device-memory plan of a batch: the estimate, the largest batch that fits, and the errors that say so. */
class DeviceMemoryTest {

  @Test
  void aBatchAtThePapersSizeNeedsAboutAQuarterGigabyteAnImageInFloat32() {
    Nd4jConvBpdnAdmm solver = Solvers.admm(Nd4jCbpdnAdmmSettings.defaults());
    long one = solver.bytes(144, 256, 256, 1);
    long each = solver.bytes(144, 256, 256, 2) - one;
    // 5 maps of K·H·W and 4 half spectra of K·H·(W/2+1), 4 bytes each, and a few image-level arrays
    assertThat(each).isEqualTo(4L * (5L * 144 * 256 * 256 + 4L * 144 * 256 * 129 + 7L * 256 * 129));
    assertThat(each / (1 << 20)).isEqualTo(253);
    assertThat(solver.bytes(144, 256, 256, 32)).isLessThan(9L << 30);
  }

  @Test
  void theLargestBatchIsWhatTheFreeMemoryHoldsAfterTheSharedArrays() {
    Nd4jConvBpdnAdmm solver = Solvers.admm(Nd4jCbpdnAdmmSettings.defaults());
    long shared = solver.bytes(144, 256, 256, 0);
    long each = solver.bytes(144, 256, 256, 1) - shared;
    assertThat(solver.largestBatch(144, 256, 256, shared + 5 * each + each / 2)).isEqualTo(5);
    assertThat(solver.largestBatch(144, 256, 256, shared)).isZero();
    assertThat(solver.largestBatch(144, 256, 256, 10)).isZero();
  }

  @Test
  void aBatchThatCannotFitIsRefusedBeforeAnythingIsAllocatedWithTheLargestThatFits() {
    Nd4jLca solver = Solvers.lca(Solvers.lcaSettings(3, "float32"));
    System.setProperty(Nd4jRuntime.MEMORY_PROPERTY, Long.toString(solver.bytes(8, 32, 32, 1) + 100));
    try {
      assertThatThrownBy(() -> solver.solveBatch(TestProblems.gabor(8, 8), TestProblems.three(32),
          List.of(SolveListener.NONE, SolveListener.NONE, SolveListener.NONE)))
          .isInstanceOf(SolverException.class)
          .hasMessageStartingWith("nd4j-lca: a batch of 3 images of 32x32 with 8 kernels in float32 does not fit in"
              + " the device's free memory: it needs about ")
          .hasMessageContaining("set solver.batch to 1 or less")
          .hasMessageContaining("raise -Dsparsecode.nd4j.memory");
    } finally {
      System.clearProperty(Nd4jRuntime.MEMORY_PROPERTY);
    }
  }

  @Test
  void whenNotEvenOneImageFitsTheMessageSaysSo() {
    Nd4jFista solver = Solvers.fista(Solvers.fistaSettings(2, "float32"));
    String m = solver.memoryMessage(144, 256, 256, 2, 1 << 20, "does not fit", null);
    assertThat(m).contains("not even one image fits: use smaller images or fewer kernels, or the core solver");
  }

  @Test
  void aDeviceOutOfMemoryErrorBecomesTheSameMessageNamingTheDevicesError() {
    Nd4jConvBpdnAdmm solver = Solvers.admm(Nd4jCbpdnAdmmSettings.defaults());
    long shared = solver.bytes(144, 256, 256, 0);
    long each = solver.bytes(144, 256, 256, 1) - shared;
    String m = solver.memoryMessage(144, 256, 256, 8, shared + 3 * each, "ran out of device memory",
        new OutOfMemoryError("Cannot allocate 1048576 bytes"));
    assertThat(m).startsWith("nd4j-cbpdn-admm: a batch of 8 images of 256x256 with 144 kernels in float32 ran out of"
        + " device memory: it needs about 2.1 GiB (253.")
        .contains("set solver.batch to 3 or less")
        .endsWith("(OutOfMemoryError: Cannot allocate 1048576 bytes)");
  }

  @Test
  void anOutOfMemoryErrorDuringABatchBecomesTheMessageWithTheLargestBatch() {
    Nd4jSolver failing = new Nd4jSolver("nd4j-test", 4, Dtype.FLOAT32, Double.NaN, 1, Solvers.runtime()) {
      @Override
      protected List<org.sparsecode.api.solver.CodingResult> run(org.sparsecode.api.kernel.Dictionary dictionary,
          List<BatchRun.Slot> slots) {
        throw new RuntimeException("native op failed", new OutOfMemoryError("Physical memory usage is too high"));
      }

      @Override
      protected long elementsPerImage(long count, long height, long width) {
        return count * height * width;
      }
    };
    assertThatThrownBy(() -> failing.solveBatch(TestProblems.gabor(8, 8), TestProblems.three(32),
        List.of(SolveListener.NONE, SolveListener.NONE, SolveListener.NONE)))
        .isInstanceOf(SolverException.class)
        .hasMessageStartingWith("nd4j-test: a batch of 3 images of 32x32 with 8 kernels in float32 ran out of device"
            + " memory")
        .hasMessageEndingWith("(RuntimeException: native op failed)");
  }

  @Test
  void outOfMemoryErrorsAreRecognisedByTypeOrMessageAndOthersAreNot() {
    assertThat(Nd4jSolver.outOfMemory(new OutOfMemoryError("Java heap space"))).isTrue();
    assertThat(Nd4jSolver.outOfMemory(new RuntimeException("wrapped", new OutOfMemoryError("Physical memory usage"
        + " is too high: physicalBytes (4177M) > maxPhysicalBytes (4096M)")))).isTrue();
    assertThat(Nd4jSolver.outOfMemory(new RuntimeException("cudaMalloc failed: out of memory"))).isTrue();
    assertThat(Nd4jSolver.outOfMemory(new IllegalStateException("Failed to allocate 2147483648 bytes from DEVICE"
        + " [0] memory"))).isTrue();
    assertThat(Nd4jSolver.outOfMemory(new IllegalArgumentException("shapes do not match"))).isFalse();
  }

  @Test
  void theMemoryCapIsAByteCountWithAnOptionalBinarySuffix() {
    assertThat(Nd4jRuntime.parseBytes("512")).isEqualTo(512);
    assertThat(Nd4jRuntime.parseBytes("2k")).isEqualTo(2048);
    assertThat(Nd4jRuntime.parseBytes("3M")).isEqualTo(3L << 20);
    assertThat(Nd4jRuntime.parseBytes(" 4g ")).isEqualTo(4L << 30);
    assertThatThrownBy(() -> Nd4jRuntime.parseBytes("lots")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("sparsecode.nd4j.memory").hasMessageContaining("such as 2g or 512m");
  }
}
