package org.sparsecode.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sparsecode.core.fft.DoubleFft2d;
import org.sparsecode.core.fft.FftBackend;
import org.sparsecode.core.fft.FloatFft2d;
import org.sparsecode.core.fft.ParallelLoop;

/**
 * FFTW's batched plans ({@code howmany} = a block of kernels, one call per block) against one call per kernel,
 * at the paper's size: the K = 144 maps of 256 × 256 of a solve transformed forward to the package's half
 * spectra and back, as one solver iteration does, split between the workers in blocks of {@code block}
 * consecutive kernels ({@code block = 1}: the per-kernel loop the solvers run). The score is the time of the
 * 144 forward and 144 inverse transforms (copies in and out of native memory and the transpositions
 * included). The per-kernel loop won (RESULTS.md), so it is what the solvers run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FftBatchBenchmark {
  private static final int COUNT = 144;
  private static final int SIZE = 256;

  /** Arithmetic of the transforms. */
  @Param({"float32", "float64"})
  public String precision;

  /** Kernels per FFTW call: 1 is the per-kernel loop; larger values use one batched plan per block. */
  @Param({"1", "2", "8", "24"})
  public int block;

  /** Worker threads; 0 means all available processors. */
  @Param({"0"})
  public int threads;

  private ParallelLoop loop;
  private DoubleFft2d doubleFft;
  private FloatFft2d floatFft;
  private double[] doubleMaps;
  private double[] doubleSpectra;
  private double[][] doubleWork;
  private float[] floatMaps;
  private float[] floatSpectra;
  private float[][] floatWork;

  /** Makes the maps and plans (the batched plans at the first transform of the warm-up). */
  @Setup(Level.Trial)
  public void prepare() {
    FftBackend.use(FftBackend.FFTW);
    if (COUNT % block != 0) {
      throw new IllegalArgumentException("block must divide " + COUNT + ", got " + block);
    }
    int workers = PaperProblem.threads(threads);
    loop = new ParallelLoop(workers);
    SplittableRandom random = new SplittableRandom(7);
    int area = SIZE * SIZE;
    if ("float32".equals(precision)) {
      floatFft = new FloatFft2d(SIZE, SIZE);
      floatMaps = new float[COUNT * area];
      for (int i = 0; i < floatMaps.length; i++) {
        floatMaps[i] = (float) random.nextGaussian();
      }
      floatSpectra = new float[COUNT * floatFft.spectrumLength()];
      floatWork = new float[workers][];
      for (int w = 0; w < workers; w++) {
        floatWork[w] = floatFft.newWork();
      }
    } else {
      doubleFft = new DoubleFft2d(SIZE, SIZE);
      doubleMaps = new double[COUNT * area];
      for (int i = 0; i < doubleMaps.length; i++) {
        doubleMaps[i] = random.nextGaussian();
      }
      doubleSpectra = new double[COUNT * doubleFft.spectrumLength()];
      doubleWork = new double[workers][];
      for (int w = 0; w < workers; w++) {
        doubleWork[w] = doubleFft.newWork();
      }
    }
  }

  /**
   * 144 forward and 144 inverse transforms, in blocks of {@code block} kernels spread over the workers.
   *
   * @return a value of the result (consumed by JMH)
   */
  @Benchmark
  public double forwardAndInverse() {
    int area = SIZE * SIZE;
    int blocks = COUNT / block;
    if (floatFft != null) {
      int len = floatFft.spectrumLength();
      loop.forEach(blocks, (w, b) -> floatFft.forwardMany(floatMaps, b * block * area, block, floatSpectra,
          b * block * len, floatWork[w]));
      loop.forEach(blocks, (w, b) -> floatFft.inverseMany(floatSpectra, b * block * len, block, floatMaps,
          b * block * area, floatWork[w]));
      return floatMaps[1];
    }
    int len = doubleFft.spectrumLength();
    loop.forEach(blocks, (w, b) -> doubleFft.forwardMany(doubleMaps, b * block * area, block, doubleSpectra,
        b * block * len, doubleWork[w]));
    loop.forEach(blocks, (w, b) -> doubleFft.inverseMany(doubleSpectra, b * block * len, block, doubleMaps,
        b * block * area, doubleWork[w]));
    return doubleMaps[1];
  }

  /** Stops the workers. */
  @TearDown(Level.Trial)
  public void close() {
    loop.close();
  }
}
