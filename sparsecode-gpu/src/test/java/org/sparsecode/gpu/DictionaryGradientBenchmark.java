package org.sparsecode.gpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.learning.online.DictionaryGradient;

/**
 * A measurement, not a test: one online-CDL dictionary step's gradient ({@link DictionaryGradient}) on the CPU
 * (sparsecode-core's FFT, float64, image by image) against ND4J ({@link Nd4jDictionaryGradient}, float32 and
 * float64, the images of the minibatch in one batch), on random codes of the density of a learning step's
 * (about 2 % non-zero). Run it with the module's test class path:
 *
 * <pre>
 *   mvn -B -q -o dependency:build-classpath -pl sparsecode-gpu -Dmdep.outputFile=cp.txt
 *   java -Xmx6g -cp sparsecode-gpu/target/test-classes:sparsecode-gpu/target/classes:$(cat sparsecode-gpu/cp.txt) \
 *       org.sparsecode.gpu.DictionaryGradientBenchmark 144 256 12 1 5
 * </pre>
 *
 * (arguments: kernels K, image side, kernel side, images per step, repetitions; {@code -Dthreads=N}, default 1
 * for ND4J's CPU backend; the CPU gradient is single-threaded). Prints the best and the median of the
 * repetitions after one warm-up call each: the build machine is shared.
 */
public final class DictionaryGradientBenchmark {
  private DictionaryGradientBenchmark() {}

  /**
   * Prints the timings.
   *
   * @param args K, side, kernel side, images, repetitions
   */
  public static void main(String[] args) {
    int count = Integer.parseInt(args[0]);
    int side = Integer.parseInt(args[1]);
    int size = Integer.parseInt(args[2]);
    int images = Integer.parseInt(args[3]);
    int reps = Integer.parseInt(args[4]);
    int threads = Integer.getInteger("threads", 1);
    Nd4jRuntime runtime = Nd4jRuntime.require("benchmark", "cbpdn-admm");
    SplittableRandom r = new SplittableRandom(1);
    double[] kernels = new double[count * size * size];
    for (int i = 0; i < kernels.length; i++) {
      kernels[i] = r.nextGaussian();
    }
    Dictionary d = Dictionary.of(size, count, kernels);
    List<Image> batch = new ArrayList<>();
    List<SparseCode> codes = new ArrayList<>();
    for (int b = 0; b < images; b++) {
      batch.add(TestProblems.patch(b % 2 == 0 ? "camera" : "coffee", side, 7 * b));
      double[] dense = new double[count * side * side];
      for (int i = 0; i < dense.length; i++) {
        dense[i] = r.nextDouble() < 0.02 ? r.nextGaussian() : 0;
      }
      codes.add(SparseCode.fromDense(count, side, side, dense));
    }
    System.out.printf(Locale.ROOT, "K=%d, %dx%d kernels, %d image(s) of %dx%d, ND4J threads %d, %s%n", count, size,
        size, images, side, side, threads, runtime.device());
    time("cpu (core FFT, float64)", DictionaryGradient.cpu(), d, batch, codes, reps);
    time("nd4j float32", new Nd4jDictionaryGradient("nd4j-cbpdn-admm", Dtype.FLOAT32, images, threads, runtime), d,
        batch, codes, reps);
    time("nd4j float64", new Nd4jDictionaryGradient("nd4j-cbpdn-admm", Dtype.FLOAT64, images, threads, runtime), d,
        batch, codes, reps);
  }

  private static void time(String name, DictionaryGradient g, Dictionary d, List<Image> images,
      List<SparseCode> codes, int reps) {
    double[] gradient = new double[d.count() * d.size() * d.size()];
    g.accumulate(d, images, codes, gradient);
    double[] ms = new double[reps];
    for (int i = 0; i < reps; i++) {
      long t = System.nanoTime();
      g.accumulate(d, images, codes, gradient);
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    java.util.Arrays.sort(ms);
    System.out.printf(Locale.ROOT, "%-26s best %9.1f ms   median %9.1f ms%n", name, ms[0], ms[reps / 2]);
  }
}
