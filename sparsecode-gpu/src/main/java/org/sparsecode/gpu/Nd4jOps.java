package org.sparsecode.gpu;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.floating.Norm1;
import org.nd4j.linalg.api.ops.impl.reduce.floating.SquaredNorm;
import org.nd4j.linalg.api.ops.impl.reduce3.EuclideanDistance;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMax;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMin;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Max;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Min;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.DivOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The array operations the solvers are made of, each writing into an array given (no temporaries of the
 * problem's size), with NumPy broadcasting where the shapes differ, and the per-slot sums the statistics need,
 * brought to the host in float64.
 *
 * <p>Shapes: a stack of code maps is {@code [H, B, K, W]} (row-interleaved, see {@link RealDft2d}), its spectra
 * {@code [H, B, K, W/2+1]}; the kernels' spectra {@code [H, 1, K, W/2+1]}; the images' spectra
 * {@code [H, B, W/2+1]}. Per-slot sums over a map stack are over the axes 0 and 3, one value per image and
 * kernel, in the order {@code b * K + k}.
 */
final class Nd4jOps {
  /** The axes of a map stack that per-(image, kernel) sums run over. */
  static final int[] MAP_AXES = {0, 3};

  private Nd4jOps() {}

  /** {@code out = a * b}, broadcast. */
  static void mul(INDArray a, INDArray b, INDArray out) {
    Nd4j.exec(new MulOp(a, b, out));
  }

  /** {@code out = a + b}, broadcast. */
  static void add(INDArray a, INDArray b, INDArray out) {
    Nd4j.exec(new AddOp(a, b, out));
  }

  /** {@code out = a − b}, broadcast. */
  static void sub(INDArray a, INDArray b, INDArray out) {
    Nd4j.exec(new SubOp(a, b, out));
  }

  /** {@code out = a / b}, broadcast. */
  static void div(INDArray a, INDArray b, INDArray out) {
    Nd4j.exec(new DivOp(a, b, out));
  }

  /** {@code y ← alpha x + y} (same shapes). */
  static void axpy(double alpha, INDArray x, INDArray y) {
    Nd4j.exec(new Axpy(x, y, y, alpha));
  }

  /**
   * The spectrum of a synthesis, per frequency: {@code (outR, outI) = Σ_k D̂_k (re, im)_k}.
   *
   * @param dr the kernels' spectra, real parts {@code [H, 1, K, C]}
   * @param di imaginary parts
   * @param re the maps' spectra {@code [H, B, K, C]}, real parts
   * @param im imaginary parts
   * @param outR receives the real parts {@code [H, B, C]}
   * @param outI receives the imaginary parts
   * @param scratchA scratch of the maps' spectra's shape
   * @param scratchB scratch of the same shape
   */
  static void products(INDArray dr, INDArray di, INDArray re, INDArray im, INDArray outR, INDArray outI,
      INDArray scratchA, INDArray scratchB) {
    mul(re, dr, scratchA);
    mul(im, di, scratchB);
    scratchA.subi(scratchB);
    scratchA.sum(outR, 2);
    mul(re, di, scratchA);
    mul(im, dr, scratchB);
    scratchA.addi(scratchB);
    scratchA.sum(outI, 2);
  }

  /**
   * The correlation's spectrum added to maps' spectra: {@code (re, im)_k += conj(D̂_k) (gr, gi)}.
   *
   * @param dr the kernels' spectra, real parts {@code [H, 1, K, C]}
   * @param di imaginary parts
   * @param gr an image-level spectrum {@code [H, B, C]}, real parts
   * @param gi imaginary parts
   * @param re the maps' spectra {@code [H, B, K, C]}, real parts, updated
   * @param im imaginary parts, updated
   * @param scratch scratch of the maps' spectra's shape
   */
  static void addConjugateProducts(INDArray dr, INDArray di, INDArray gr, INDArray gi, INDArray re, INDArray im,
      INDArray scratch) {
    long[] shape = {gr.size(0), gr.size(1), 1, gr.size(2)};
    INDArray g4r = gr.reshape('c', shape);
    INDArray g4i = gi.reshape('c', shape);
    mul(dr, g4r, scratch);
    re.addi(scratch);
    mul(di, g4i, scratch);
    re.addi(scratch);
    mul(dr, g4i, scratch);
    im.addi(scratch);
    mul(di, g4r, scratch);
    im.subi(scratch);
  }

  /**
   * The correlation's spectrum: {@code (re, im)_k = conj(D̂_k) (gr, gi)}.
   *
   * @param dr the kernels' spectra, real parts {@code [H, 1, K, C]}
   * @param di imaginary parts
   * @param gr an image-level spectrum {@code [H, B, C]}, real parts
   * @param gi imaginary parts
   * @param re receives the real parts {@code [H, B, K, C]}
   * @param im receives the imaginary parts
   * @param scratch scratch of the maps' spectra's shape
   */
  static void conjugateProducts(INDArray dr, INDArray di, INDArray gr, INDArray gi, INDArray re, INDArray im,
      INDArray scratch) {
    long[] shape = {gr.size(0), gr.size(1), 1, gr.size(2)};
    INDArray g4r = gr.reshape('c', shape);
    INDArray g4i = gi.reshape('c', shape);
    mul(dr, g4r, re);
    mul(di, g4i, scratch);
    re.addi(scratch);
    mul(dr, g4i, im);
    mul(di, g4r, scratch);
    im.subi(scratch);
  }

  /**
   * The soft threshold with a scalar threshold t: {@code out = v − clip(v, −t, t)}, which is {@code v − t} above
   * t, {@code v + t} below −t and exactly 0 between, with the roundings of the core solvers' branches.
   *
   * @param v the values (unchanged unless {@code out} is v)
   * @param t the threshold, {@code ≥ 0}
   * @param nonNegative whether negative results become 0
   * @param out the result, v's shape; may not be v
   */
  static void soft(INDArray v, double t, boolean nonNegative, INDArray out) {
    Nd4j.exec(new ScalarMax(v, null, out, -t));
    Nd4j.exec(new ScalarMin(out, null, out, t));
    sub(v, out, out);
    if (nonNegative) {
      Nd4j.exec(new ScalarMax(out, null, out, 0.0));
    }
  }

  /**
   * The soft threshold with thresholds broadcast over v ({@code [1, B, K, 1]}: one per image and kernel).
   *
   * @param v the values
   * @param t the thresholds, {@code ≥ 0}
   * @param negT {@code −t}
   * @param nonNegative whether negative results become 0
   * @param out the result, v's shape; may not be v
   */
  static void soft(INDArray v, INDArray t, INDArray negT, boolean nonNegative, INDArray out) {
    Nd4j.exec(new Max(v, negT, out));
    Nd4j.exec(new Min(out, t, out));
    sub(v, out, out);
    if (nonNegative) {
      Nd4j.exec(new ScalarMax(out, null, out, 0.0));
    }
  }

  /**
   * Per-slot sums of squares of a map stack.
   *
   * @param maps {@code [H, B, K, W]}
   * @return {@code B·K} values, {@code b * K + k}
   */
  static double[] squares(INDArray maps) {
    return host(Nd4j.getExecutioner().exec(new SquaredNorm(maps, MAP_AXES)));
  }

  /**
   * Per-slot ℓ1 norms of a map stack.
   *
   * @param maps {@code [H, B, K, W]}
   * @return {@code B·K} values
   */
  static double[] absSums(INDArray maps) {
    return host(Nd4j.getExecutioner().exec(new Norm1(maps, MAP_AXES)));
  }

  /**
   * Per-slot squared distances of two map stacks.
   *
   * @param a {@code [H, B, K, W]}
   * @param b the same shape
   * @return {@code B·K} values {@code ‖a − b‖²}
   */
  static double[] squaredDistances(INDArray a, INDArray b) {
    double[] d = host(Nd4j.getExecutioner().exec(new EuclideanDistance(a, b, MAP_AXES)));
    for (int i = 0; i < d.length; i++) {
      d[i] *= d[i];
    }
    return d;
  }

  /**
   * Per-image energies of image-level spectra over the full spectrum: {@code Σ_f m(f) (re² + im²)}, with the
   * multiplicity m of each half-spectrum column (Parseval's weights).
   *
   * @param re {@code [H, B, W/2+1]}
   * @param im the same shape
   * @param dft the transform (for the multiplicities)
   * @return B values
   */
  static double[] energies(INDArray re, INDArray im, RealDft2d dft) {
    double[] all = squaresPerImage(re);
    add(all, squaresPerImage(im), 1);
    // every column counts twice, but the columns 0 and (W even) W/2 once
    for (int i = 0; i < all.length; i++) {
      all[i] *= 2;
    }
    int last = dft.columns() - 1;
    for (int c : last > 0 && dft.multiplicity(last) == 1 ? new int[] {0, last} : new int[] {0}) {
      INDArray cr = re.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(c));
      INDArray ci = im.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(c));
      add(all, host(Nd4j.getExecutioner().exec(new SquaredNorm(cr, 0))), -1);
      add(all, host(Nd4j.getExecutioner().exec(new SquaredNorm(ci, 0))), -1);
    }
    return all;
  }

  /**
   * Per-image sums of squares of an image-level stack {@code [H, B, C]}: along the last axis first (contiguous),
   * then along the rows. ND4J's reduction of such a stack along axes 0 and 2 at once, or to one value when B is
   * 1, takes milliseconds where these two take tens of microseconds.
   */
  private static double[] squaresPerImage(INDArray a) {
    INDArray rows = Nd4j.getExecutioner().exec(new SquaredNorm(a, 2));
    return host(rows.sum(0));
  }

  private static void add(double[] to, double[] values, double factor) {
    for (int i = 0; i < to.length; i++) {
      to[i] += factor * values[i];
    }
  }

  /**
   * An array's values on the host, in float64, in C order.
   *
   * @param a any array
   * @return its values
   */
  static double[] host(INDArray a) {
    INDArray d = a.dataType() == DataType.DOUBLE ? a : a.castTo(DataType.DOUBLE);
    return d.dup('c').data().asDouble();
  }

  /**
   * A small array of per-slot values on the device.
   *
   * @param values the values in C order
   * @param type the device type
   * @param shape the shape
   * @return the array
   */
  static INDArray device(double[] values, DataType type, long... shape) {
    return Nd4j.create(values, shape, DataType.DOUBLE).castTo(type);
  }

  /**
   * The slices of a stack kept after some images finished: a new array with the given entries of axis 1.
   *
   * @param a a stack whose axis 1 is the image
   * @param keep the positions to keep, in order
   * @return a new array, {@code keep.length} along axis 1
   */
  static INDArray select(INDArray a, int[] keep) {
    long[] shape = a.shape().clone();
    shape[1] = keep.length;
    INDArray out = Nd4j.create(a.dataType(), shape);
    for (int j = 0; j < keep.length; j++) {
      out.get(slice(a.rank(), j)).assign(a.get(slice(a.rank(), keep[j])));
    }
    return out;
  }

  /**
   * The indices of one image's slice of a stack.
   *
   * @param rank the stack's rank
   * @param position the image's position on axis 1
   * @return all but axis 1, which is a point
   */
  static INDArrayIndex[] slice(int rank, int position) {
    INDArrayIndex[] idx = new INDArrayIndex[rank];
    for (int i = 0; i < rank; i++) {
      idx[i] = i == 1 ? NDArrayIndex.point(position) : NDArrayIndex.all();
    }
    return idx;
  }

  /**
   * One image's code maps, in the layout of {@link org.sparsecode.api.solver.SparseCode}.
   *
   * @param maps {@code [H, B, K, W]}
   * @param position the image's position
   * @return {@code K·H·W} values, {@code (k·H + y)·W + x}
   */
  static double[] codeOf(INDArray maps, int position) {
    return host(maps.get(slice(4, position)).permute(1, 0, 2));
  }

  /** Closes arrays (frees their memory now rather than at the next garbage collection). */
  static void close(INDArray... arrays) {
    for (INDArray a : arrays) {
      if (a != null && a.closeable() && !a.wasClosed()) {
        a.close();
      }
    }
  }
}
