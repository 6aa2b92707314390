package org.sparsecode.gpu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.learning.online.DataTermGradient;
import org.sparsecode.learning.online.DictionaryGradient;

/**
 * The online-CDL dictionary step's gradient on ND4J: what {@link DataTermGradient#accumulate} computes image by
 * image on the CPU (R̂ = Σ_k Ẑ_k D̂_k − Ŝ, ĝ_k = conj(Ẑ_k) R̂, back to space, the k×k blocks kept), for a batch of
 * the step's images and all K kernels at once, with the solvers' DFT as real matrix products ({@link
 * RealDft2d}): one forward transform of the {@code B·K} code maps, one inverse of the {@code B·K} gradient
 * spectra. The kernels' and the images' spectra come from the host's float64 FFT ({@link Spectra}), as for the
 * solvers. The code maps go to the device dense.
 *
 * <p>Per image, as the CPU: L_D = max over the frequencies of Σ_k |Ẑ_k|², and the energy of the gradient
 * outside the k×k blocks (summed on the host in float64 from per-(image, kernel) sums); both summed over the
 * images in their order. Images of one size go together, up to {@code batch} at a time.
 */
final class Nd4jDictionaryGradient implements DictionaryGradient {
  private final String solver;
  private final Dtype dtype;
  private final int batch;
  private final int threads;
  private final Nd4jRuntime runtime;

  /**
   * Keeps the configuration (that of the solver coding the steps).
   *
   * @param solver the solver's plugin name, for messages
   * @param dtype the device's arithmetic
   * @param batch images at once, at least 1
   * @param threads the CPU backend's threads
   * @param runtime the started backend
   */
  Nd4jDictionaryGradient(String solver, Dtype dtype, int batch, int threads, Nd4jRuntime runtime) {
    this.solver = Objects.requireNonNull(solver, "solver");
    this.dtype = Objects.requireNonNull(dtype, "dtype");
    this.batch = batch;
    this.threads = threads;
    this.runtime = Objects.requireNonNull(runtime, "runtime");
  }

  @Override
  public Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("backend", "nd4j " + runtime.backend());
    m.put("engine", "DFT as batched matrix products, " + batch + " images at once (as " + solver + ")");
    runtime.provenance(dtype).forEach(m::putIfAbsent);
    return m;
  }

  @Override
  public DataTermGradient.Sums accumulate(Dictionary d, List<Image> images, List<SparseCode> codes,
      double[] gradient) {
    if (images.size() != codes.size()) {
      throw new IllegalArgumentException(images.size() + " images but " + codes.size() + " codes");
    }
    int k = d.size();
    if (gradient.length != d.count() * k * k) {
      throw new IllegalArgumentException("the gradient holds " + gradient.length + " values, not K·k² = "
          + d.count() * k * k);
    }
    runtime.useThreads(threads);
    double lipschitz = 0;
    double outside = 0;
    int from = 0;
    while (from < images.size()) {
      int to = Nd4jSolver.batchEnd(images, from, batch);
      Image first = images.get(from);
      double[][] sums;
      try {
        sums = batch(d, images.subList(from, to), codes.subList(from, to), gradient);
      } catch (OutOfMemoryError | RuntimeException e) {
        if (!Nd4jSolver.outOfMemory(e)) {
          throw e;
        }
        throw new SparsecodeException(String.format(Locale.ROOT, "online-cdl's dictionary step on ND4J (%s, %s):"
            + " %d %s of %dx%d with %d kernels ran out of device memory (about %s an image, %s free): set"
            + " learning.solver.batch lower, or %s", runtime.backend(), dtype.yamlName(), to - from,
            to - from == 1 ? "image" : "images", first.height(), first.width(), d.count(),
            Nd4jSolver.size(bytesPerImage(d.count(), first.height(), first.width())),
            Nd4jSolver.size(runtime.availableBytes()), runtime.memoryAdvice()), e);
      }
      for (int b = 0; b < to - from; b++) {
        lipschitz += sums[0][b];
        outside += sums[1][b];
      }
      from = to;
    }
    return new DataTermGradient.Sums(Double.NaN, lipschitz, outside);
  }

  /** Device bytes one image of a batch needs: its K maps and four spectrum stacks of them. */
  private long bytesPerImage(long count, long height, long width) {
    return count * height * (width + 4 * (width / 2 + 1)) * dtype.bytes();
  }

  /**
   * One batch of images of one size: adds its gradient and returns per image L_D and the outside energy.
   *
   * @return {@code {lipschitz[B], outside[B]}}
   */
  private double[][] batch(Dictionary d, List<Image> images, List<SparseCode> codes, double[] gradient) {
    int h = images.get(0).height();
    int w = images.get(0).width();
    int bs = images.size();
    int count = d.count();
    int k = d.size();
    DataType type = dtype.nd4j();
    RealDft2d dft = new RealDft2d(h, w, type);
    int columns = dft.columns();
    INDArray[] dSpec = Spectra.kernels(d, h, w, type);
    INDArray[] sSpec = Spectra.images(images, h, w, type);
    INDArray maps = Nd4jOps.device(denseMaps(codes, count, h, w), type, h, bs, count, w);
    INDArray zr = Nd4j.create(type, h, bs, count, columns);
    INDArray zi = Nd4j.create(type, h, bs, count, columns);
    INDArray a = Nd4j.create(type, h, bs, count, columns);
    INDArray b = Nd4j.create(type, h, bs, count, columns);
    INDArray rr = Nd4j.create(type, h, bs, columns);
    INDArray ri = Nd4j.create(type, h, bs, columns);
    try {
      dft.forward(maps, zr, zi, a, b);
      // R^ = sum_k Z^_k D^_k - S^
      Nd4jOps.products(dSpec[0], dSpec[1], zr, zi, rr, ri, a, b);
      rr.subi(sSpec[0]);
      ri.subi(sSpec[1]);
      // L_D per image: the largest sum_k |Z^_k|^2 over the half spectrum (as the CPU's)
      Nd4jOps.mul(zr, zr, a);
      Nd4jOps.mul(zi, zi, b);
      a.addi(b);
      INDArray power = a.sum(2);
      double[] lipschitz = Nd4jOps.host(power.permute(1, 0, 2).dup('c').reshape(bs, (long) h * columns).max(1));
      // g^_k = conj(Z^_k) R^: Re = Zr Rr + Zi Ri, Im = Zr Ri - Zi Rr (Z's real part is free once Im is done)
      INDArray r4 = rr.reshape('c', h, bs, 1, columns);
      INDArray i4 = ri.reshape('c', h, bs, 1, columns);
      Nd4jOps.mul(zr, r4, a);
      Nd4jOps.mul(zi, i4, b);
      a.addi(b);
      Nd4jOps.mul(zr, i4, b);
      Nd4jOps.mul(zi, r4, zr);
      b.subi(zr);
      dft.inverse(a, b, maps, zr, zi);
      // the k x k blocks, summed over the batch, [k, K, k]; then zeroed, so that what is left is outside them
      INDArray block = maps.get(NDArrayIndex.interval(0, Math.min(k, h)), NDArrayIndex.all(), NDArrayIndex.all(),
          NDArrayIndex.interval(0, Math.min(k, w)));
      double[] g = Nd4jOps.host(block.sum(1));
      int kh = Math.min(k, h);
      int kw = Math.min(k, w);
      for (int j = 0; j < count; j++) {
        for (int y = 0; y < kh; y++) {
          for (int x = 0; x < kw; x++) {
            gradient[(j * k + y) * k + x] += g[(y * count + j) * kw + x];
          }
        }
      }
      block.assign(0);
      double[] squares = Nd4jOps.squares(maps);
      double[] outside = new double[bs];
      for (int i = 0; i < bs; i++) {
        for (int j = 0; j < count; j++) {
          outside[i] += squares[i * count + j];
        }
      }
      return new double[][] {lipschitz, outside};
    } finally {
      Nd4jOps.close(maps, zr, zi, a, b, rr, ri, dSpec[0], dSpec[1], sSpec[0], sSpec[1]);
    }
  }

  /**
   * The code maps, dense and row-interleaved: {@code ((y·B + b)·K + k)·W + x}.
   *
   * @param codes B codes, k-major ({@code (k·H + y)·W + x})
   */
  private static double[] denseMaps(List<SparseCode> codes, int count, int h, int w) {
    int bs = codes.size();
    double[] z = new double[h * bs * count * w];
    int plane = h * w;
    for (int b = 0; b < bs; b++) {
      SparseCode code = codes.get(b);
      if (code.count() != count || code.height() != h || code.width() != w) {
        throw new IllegalArgumentException("code " + b + " is " + code.count() + "x" + code.height() + "x"
            + code.width() + ", not " + count + "x" + h + "x" + w);
      }
      int[] idx = code.indices();
      double[] val = code.values();
      for (int i = 0; i < idx.length; i++) {
        int j = idx[i] / plane;
        int rest = idx[i] - j * plane;
        int y = rest / w;
        int x = rest - y * w;
        z[((y * bs + b) * count + j) * w + x] = val[i];
      }
    }
    return z;
  }
}
