package org.sparsecode.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.learning.online.DataTermGradient;
import org.sparsecode.learning.online.DictionaryGradient;

/**
 * The ND4J dictionary step's gradient against the CPU's ({@link DictionaryGradient#cpu()}, float64) on random
 * problems: random kernels, images and sparse codes (about 5 % non-zero), odd and even sizes, minibatches of 1
 * to 5 images split into batches of 1 to 3 (a minibatch of two image sizes too). In float32 the gradient, L_D and
 * the energy outside the blocks agree within {@value #FLOAT32_TOLERANCE} relative (the gradient in the ℓ2 norm
 * of the whole vector; measured: below 2e-6 on these sizes); in float64 within {@value #FLOAT64_TOLERANCE}.
 *
 * <p>Fuzz: seeds {@code BASE_SEED + i}, {@value #DEFAULT_RUNS} runs in the default build, {@code -Dfuzz.runs=N}
 * for N, and {@value #SLOW_RUNS} in the slow test ({@code -Pslow}). A failure names its seed.
 */
class Nd4jDictionaryGradientTest {
  static final double FLOAT32_TOLERANCE = 1e-4;
  static final double FLOAT64_TOLERANCE = 1e-10;
  private static final long BASE_SEED = 0x5eed_16L;
  private static final int DEFAULT_RUNS = 12;
  private static final int SLOW_RUNS = 200;

  /** A random problem: its dictionary, images, codes, and the backend's batch. */
  record Problem(long seed, Dictionary d, List<Image> images, List<SparseCode> codes, int batch) {
    @Override
    public String toString() {
      Image first = images.get(0);
      return "seed " + seed + ": K=" + d.count() + " k=" + d.size() + " " + first.height() + "x" + first.width()
          + " minibatch " + images.size() + " batch " + batch;
    }
  }

  static Problem problem(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int k = 2 + r.nextInt(6);
    int count = 1 + r.nextInt(12);
    int h = k + 3 + r.nextInt(20);
    int w = k + 3 + r.nextInt(20);
    int minibatch = 1 + r.nextInt(5);
    boolean twoSizes = minibatch > 1 && r.nextInt(4) == 0;
    double[] kernels = new double[count * k * k];
    for (int i = 0; i < kernels.length; i++) {
      kernels[i] = r.nextGaussian();
    }
    List<Image> images = new ArrayList<>();
    List<SparseCode> codes = new ArrayList<>();
    for (int b = 0; b < minibatch; b++) {
      int ih = twoSizes && b % 2 == 1 ? h + 1 : h;
      double[] px = new double[ih * w];
      for (int i = 0; i < px.length; i++) {
        px[i] = r.nextGaussian();
      }
      images.add(Image.grey("img" + b, w, ih, px));
      double[] dense = new double[count * ih * w];
      for (int i = 0; i < dense.length; i++) {
        if (r.nextDouble() < 0.05) {
          dense[i] = r.nextGaussian() * 0.5;
        }
      }
      dense[r.nextInt(dense.length)] = 1.0; // never an all-zero code
      codes.add(SparseCode.fromDense(count, ih, w, dense));
    }
    return new Problem(seed, Dictionary.of(k, count, kernels), images, codes, 1 + r.nextInt(3));
  }

  private static Nd4jDictionaryGradient nd4j(String dtype, int batch) {
    return new Nd4jDictionaryGradient("nd4j-cbpdn-admm", Dtype.parse(dtype), batch, 1, Solvers.runtime());
  }

  private static double relative(double[] got, double[] expected) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < got.length; i++) {
      num += (got[i] - expected[i]) * (got[i] - expected[i]);
      den += expected[i] * expected[i];
    }
    return Math.sqrt(num / den);
  }

  private static double relative(double got, double expected) {
    return Math.abs(got - expected) / Math.abs(expected);
  }

  static void check(Problem p, String dtype, double tolerance) {
    int n = p.d().count() * p.d().size() * p.d().size();
    double[] expected = new double[n];
    DataTermGradient.Sums e = DictionaryGradient.cpu().accumulate(p.d(), p.images(), p.codes(), expected);
    double[] got = new double[n];
    DataTermGradient.Sums g = nd4j(dtype, p.batch()).accumulate(p.d(), p.images(), p.codes(), got);
    assertThat(relative(got, expected)).as("gradient, %s", p).isLessThan(tolerance);
    assertThat(relative(g.lipschitz(), e.lipschitz())).as("L_D, %s", p).isLessThan(tolerance);
    assertThat(relative(g.outsideEnergy(), e.outsideEnergy())).as("outside energy, %s", p).isLessThan(tolerance);
    assertThat(g.value()).as("value, %s", p).isNaN();
  }

  private static Stream<DynamicTest> runs(int count, String dtype, double tolerance) {
    return IntStream.range(0, count).mapToObj(i -> {
      Problem p = problem(BASE_SEED + i);
      return DynamicTest.dynamicTest(dtype + " " + p, () -> check(p, dtype, tolerance));
    });
  }

  @TestFactory
  Stream<DynamicTest> float32GradientFollowsTheCpuGradientOnRandomProblems() {
    return runs(Integer.getInteger("fuzz.runs", DEFAULT_RUNS), "float32", FLOAT32_TOLERANCE);
  }

  @TestFactory
  Stream<DynamicTest> float64GradientEqualsTheCpuGradientToRoundingOnRandomProblems() {
    return runs(Math.max(1, Integer.getInteger("fuzz.runs", DEFAULT_RUNS) / 3), "float64", FLOAT64_TOLERANCE);
  }

  @Test
  @Tag("slow")
  void float32GradientFollowsTheCpuGradientOnManyRandomProblems() {
    for (int i = 0; i < SLOW_RUNS; i++) {
      check(problem(BASE_SEED + 10_000 + i), "float32", FLOAT32_TOLERANCE);
    }
  }

  @Test
  void thePaperKernelSizeOnA64x64CropFollowsTheCpuGradient() {
    // the learn-*.yaml steps: 144 kernels of 12 x 12 (here 16 of them) on 64 x 64 crops, two images
    Problem p = problem(3);
    SplittableRandom r = new SplittableRandom(3);
    double[] kernels = new double[16 * 144];
    for (int i = 0; i < kernels.length; i++) {
      kernels[i] = r.nextGaussian();
    }
    List<Image> images = List.of(TestProblems.patch("camera", 64, 0), TestProblems.patch("coffee", 64, 10));
    List<SparseCode> codes = new ArrayList<>();
    for (int b = 0; b < 2; b++) {
      double[] dense = new double[16 * 64 * 64];
      for (int i = 0; i < dense.length; i++) {
        dense[i] = r.nextDouble() < 0.02 ? r.nextGaussian() : 0;
      }
      codes.add(SparseCode.fromDense(16, 64, 64, dense));
    }
    check(new Problem(p.seed(), Dictionary.of(12, 16, kernels), images, codes, 2), "float32", FLOAT32_TOLERANCE);
  }

  @Test
  void theGradientIsAddedToWhatTheArrayHolds() {
    Problem p = problem(BASE_SEED);
    int n = p.d().count() * p.d().size() * p.d().size();
    double[] once = new double[n];
    nd4j("float64", 2).accumulate(p.d(), p.images(), p.codes(), once);
    double[] twice = once.clone();
    nd4j("float64", 2).accumulate(p.d(), p.images(), p.codes(), twice);
    for (int i = 0; i < n; i++) {
      assertThat(twice[i]).isCloseTo(2 * once[i], org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void aCodeOfAnotherShapeThanItsImageIsRefused() {
    Problem p = problem(BASE_SEED);
    SparseCode wrong = SparseCode.fromDense(p.d().count() + 1, p.images().get(0).height(),
        p.images().get(0).width(), new double[(p.d().count() + 1) * p.images().get(0).height()
            * p.images().get(0).width()]);
    assertThatThrownBy(() -> nd4j("float32", 1).accumulate(p.d(), p.images().subList(0, 1), List.of(wrong),
        new double[p.d().count() * p.d().size() * p.d().size()]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("code 0 is");
  }

  @Test
  void itDescribesItselfAsTheNd4jBackendWithItsDeviceAndType() {
    Map<String, String> m = nd4j("float32", 4).describe();
    assertThat(m.get("backend")).isEqualTo("nd4j cpu");
    assertThat(m).containsEntry("dtype", "float32").containsEntry("library", "nd4j " + Nd4jRuntime.ND4J_VERSION)
        .containsKey("device");
    assertThat(m.get("engine")).contains("4 images at once");
  }
}
