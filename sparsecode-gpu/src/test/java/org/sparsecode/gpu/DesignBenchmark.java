package org.sparsecode.gpu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SolveListener;
import org.sparsecode.core.solver.admm.ConvBpdnAdmm;

/**
 * The measurements behind the module's design choice (see the package documentation), not a test: the DFT of K
 * maps as matrix products ({@link RealDft2d}) against ND4J's {@code conv2d} for the two convolutions of a
 * gradient step, and one CBPDN-ADMM iteration on ND4J (alone and in a batch) against the core solver in float32.
 * Run it with the module's test class path:
 *
 * <pre>
 *   mvn -B -q -o dependency:build-classpath -pl sparsecode-gpu -Dmdep.outputFile=cp.txt
 *   java -Xmx6g -cp sparsecode-gpu/target/test-classes:sparsecode-gpu/target/classes:$(cat sparsecode-gpu/cp.txt) \
 *       org.sparsecode.gpu.DesignBenchmark 144 256 12 4 5
 * </pre>
 *
 * (arguments: kernels K, image side, kernel side, batch, repetitions (transforms timed one by one, solves of that
 * many iterations, three times); float32; {@code -Dthreads=N}, default 2). Every figure is the best of its
 * repetitions: the build machine is shared.
 */
public final class DesignBenchmark {
  private DesignBenchmark() {}

  /**
   * Prints the timings.
   *
   * @param args K, side, kernel side, batch, repetitions
   */
  public static void main(String[] args) {
    int k = Integer.parseInt(args[0]);
    int side = Integer.parseInt(args[1]);
    int size = Integer.parseInt(args[2]);
    int batch = Integer.parseInt(args[3]);
    int reps = Integer.parseInt(args[4]);
    int threads = Integer.getInteger("threads", 2);
    Nd4jRuntime runtime = Nd4jRuntime.require("benchmark", "cbpdn-admm");
    runtime.useThreads(threads);
    System.out.printf(Locale.ROOT, "K=%d, %dx%d images, %dx%d kernels, float32, %d threads, %s%n", k, side, side, size,
        size, threads, runtime.device());
    DataType t = DataType.FLOAT;
    RealDft2d dft = new RealDft2d(side, side, t);
    int c = dft.columns();
    INDArray x = Nd4j.rand(t, side, k, side);
    INDArray re = Nd4j.create(t, side, k, c);
    INDArray im = Nd4j.create(t, side, k, c);
    INDArray a = Nd4j.create(t, side, k, c);
    INDArray b = Nd4j.create(t, side, k, c);
    dft.forward(x, re, im, a, b);
    double forward = Double.MAX_VALUE;
    double inverse = Double.MAX_VALUE;
    long t0;
    for (int i = 0; i < reps; i++) {
      t0 = System.nanoTime();
      dft.forward(x, re, im, a, b);
      forward = Math.min(forward, ms(t0, 1));
      t0 = System.nanoTime();
      dft.inverse(re, im, x, a, b);
      inverse = Math.min(inverse, ms(t0, 1));
    }
    System.out.printf(Locale.ROOT, "DFT as matrix products, K maps (best of %d): forward %.1f ms, inverse %.1f ms%n",
        reps, forward, inverse);
    // conv2d on maps padded circularly (valid convolution of the padded input): synthesis K -> 1, correlation 1 -> K
    Conv2DConfig cfg = Conv2DConfig.builder().kH(size).kW(size).sH(1).sW(1).pH(0).pW(0).dH(1).dW(1)
        .paddingMode(PaddingMode.VALID).dataFormat("NCHW").build();
    INDArray maps = Nd4j.rand(t, 1, k, side + size - 1, side + size - 1);
    INDArray out = Nd4j.create(t, 1, 1, side, side);
    INDArray w = Nd4j.rand(t, size, size, k, 1);
    Nd4j.exec(new Conv2D(new INDArray[] {maps, w}, new INDArray[] {out}, cfg));
    double synthesis = Double.MAX_VALUE;
    for (int i = 0; i < reps; i++) {
      t0 = System.nanoTime();
      Nd4j.exec(new Conv2D(new INDArray[] {maps, w}, new INDArray[] {out}, cfg));
      synthesis = Math.min(synthesis, ms(t0, 1));
    }
    INDArray image = Nd4j.rand(t, 1, 1, side + size - 1, side + size - 1);
    INDArray w2 = Nd4j.rand(t, size, size, 1, k);
    INDArray out2 = Nd4j.create(t, 1, k, side, side);
    Nd4j.exec(new Conv2D(new INDArray[] {image, w2}, new INDArray[] {out2}, cfg));
    double correlation = Double.MAX_VALUE;
    for (int i = 0; i < reps; i++) {
      t0 = System.nanoTime();
      Nd4j.exec(new Conv2D(new INDArray[] {image, w2}, new INDArray[] {out2}, cfg));
      correlation = Math.min(correlation, ms(t0, 1));
    }
    System.out.printf(Locale.ROOT, "conv2d (best of %d): synthesis (K -> 1) %.1f ms, correlation (1 -> K) %.1f ms%n",
        reps, synthesis, correlation);
    // one CBPDN-ADMM iteration: alone, in a batch, and the core solver
    Dictionary d = TestProblems.gabor(k, size);
    List<Image> images = new ArrayList<>();
    for (int i = 0; i < batch; i++) {
      images.add(TestProblems.patch(List.of("camera", "coffee", "brick", "grass").get(i % 4), side, 3 * i));
    }
    // every figure below is the best of three solves of `reps` iterations, after a solve that warms up
    for (int n : new int[] {batch, 1, batch}) {
      Nd4jCbpdnAdmmSettings s = new Nd4jCbpdnAdmmSettings(0.01, reps, 0.0, null, null, null, null, null, null, n,
          "float32");
      Nd4jConvBpdnAdmm solver = new Nd4jConvBpdnAdmm(s, threads, runtime);
      List<SolveListener> none = new ArrayList<>(Collections.nCopies(n, SolveListener.NONE));
      solver.solveBatch(d, images.subList(0, n), none);
      double best = Double.MAX_VALUE;
      for (int r = 0; r < 3; r++) {
        t0 = System.nanoTime();
        solver.solveBatch(d, images.subList(0, n), none);
        best = Math.min(best, ms(t0, reps));
      }
      System.out.printf(Locale.ROOT, "nd4j-cbpdn-admm, batch %d: %.1f ms an iteration, %.1f ms an image-iteration%n",
          n, best, best / n);
    }
    ConvBpdnAdmm core = new ConvBpdnAdmm(new Nd4jCbpdnAdmmSettings(0.01, reps, 0.0, null, null, null, null, null,
        null, 1, "float32").core(), Precision.FLOAT32, threads);
    core.solve(d, images.get(0));
    double best = Double.MAX_VALUE;
    for (int r = 0; r < 3; r++) {
      t0 = System.nanoTime();
      core.solve(d, images.get(0));
      best = Math.min(best, ms(t0, reps));
    }
    System.out.printf(Locale.ROOT, "cbpdn-admm (core, float32): %.1f ms an iteration%n", best);
  }

  private static double ms(long start, int reps) {
    return (System.nanoTime() - start) / 1e6 / reps;
  }
}
