package org.sparsecode.gpu;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The two-dimensional DFT of real {@code H × W} maps as dense real matrix products (ND4J has no complex
 * arrays): exact, and bound by matrix multiplication, which is what a GPU (and BLAS) does best.
 *
 * <p><b>Layout.</b> A stack of N maps is held <em>row-interleaved</em>, {@code [H, N, W]}: row h of every map
 * together. Then both passes are one matrix product each over the whole stack, with no transposition:
 * <ul>
 *   <li>along the rows, the real-to-half-complex DFT: the stack seen as {@code [H·N, W]} times the
 *       {@code W × (W/2 + 1)} matrices {@code cos(2π w f / W)} and {@code −sin(2π w f / W)}, giving the real and
 *       imaginary parts {@code A}, {@code B} of shape {@code [H·N, W/2 + 1]};
 *   <li>along the columns, the complex DFT: those seen as {@code [H, N·(W/2 + 1)]}, left-multiplied by the
 *       {@code H × H} matrices {@code C = cos(2π f h / H)} and {@code S = −sin(2π f h / H)}:
 *       {@code Re = C·A − S·B}, {@code Im = S·A + C·B}.
 * </ul>
 * A spectrum stack is {@code [H, N, W/2 + 1]} (frequency row, map, frequency column), real and imaginary parts
 * in two arrays. The inverse runs the same passes backwards: the conjugate column DFT, then the half-complex to
 * real DFT along the rows, whose matrices carry each column's multiplicity (1 for the columns 0 and W/2, 2 for
 * the others, which stand for their conjugate twins) and the {@code 1/(H·W)} normalisation, so that
 * {@code inverse(forward(x)) = x} and the spectra agree with FFTW's r2c and c2r (sparsecode-core's
 * {@code DoubleFft2d}) to rounding.
 *
 * <p>Cost: {@code 4·H·N·W·(W/2 + 1) + 8·H²·N·(W/2 + 1)} floating-point operations a transform, 14.6 GFLOP for
 * the paper's 144 maps of 256 × 256. Every array passed in must be contiguous in C order; the plan allocates
 * nothing per transform.
 */
final class RealDft2d {
  private final int height;
  private final int width;
  private final int columns;
  /** {@code [W, W/2+1]}: cos and −sin of the row DFT. */
  private final INDArray rowCos;
  private final INDArray rowSin;
  /** {@code [H, H]}: cos and −sin of the column DFT (symmetric). */
  private final INDArray colCos;
  private final INDArray colSin;
  /** {@code [W/2+1, W]}: the half-complex to real synthesis, multiplicities and 1/(HW) included. */
  private final INDArray invCos;
  private final INDArray invSin;

  /**
   * Builds the matrices, in float64 and then rounded once to the working type.
   *
   * @param height H
   * @param width W
   * @param dtype the arithmetic
   */
  RealDft2d(int height, int width, DataType dtype) {
    this.height = height;
    this.width = width;
    this.columns = width / 2 + 1;
    double[] rc = new double[width * columns];
    double[] rs = new double[width * columns];
    double[] ic = new double[columns * width];
    double[] is = new double[columns * width];
    double norm = 1.0 / ((double) height * width);
    for (int w = 0; w < width; w++) {
      for (int f = 0; f < columns; f++) {
        double angle = 2 * Math.PI * (((long) w * f) % width) / width;
        rc[w * columns + f] = Math.cos(angle);
        rs[w * columns + f] = -Math.sin(angle);
        double m = multiplicity(f) * norm;
        ic[f * width + w] = m * Math.cos(angle);
        is[f * width + w] = -m * Math.sin(angle);
      }
    }
    double[] cc = new double[height * height];
    double[] cs = new double[height * height];
    for (int f = 0; f < height; f++) {
      for (int h = 0; h < height; h++) {
        double angle = 2 * Math.PI * (((long) f * h) % height) / height;
        cc[f * height + h] = Math.cos(angle);
        cs[f * height + h] = -Math.sin(angle);
      }
    }
    this.rowCos = matrix(rc, width, columns, dtype);
    this.rowSin = matrix(rs, width, columns, dtype);
    this.invCos = matrix(ic, columns, width, dtype);
    this.invSin = matrix(is, columns, width, dtype);
    this.colCos = matrix(cc, height, height, dtype);
    this.colSin = matrix(cs, height, height, dtype);
  }

  private static INDArray matrix(double[] values, int rows, int cols, DataType dtype) {
    return Nd4j.create(values, new long[] {rows, cols}, DataType.DOUBLE).castTo(dtype);
  }

  /**
   * How many full-spectrum columns a half-spectrum column stands for.
   *
   * @param column a column of the half spectrum, in {@code [0, W/2]}
   * @return 1 for column 0 and, when W is even, column W/2; 2 otherwise
   */
  int multiplicity(int column) {
    return column == 0 || 2 * column == width ? 1 : 2;
  }

  /**
   * Image rows.
   *
   * @return H
   */
  int height() {
    return height;
  }

  /**
   * Image columns.
   *
   * @return W
   */
  int width() {
    return width;
  }

  /**
   * Columns of the half spectrum.
   *
   * @return {@code W/2 + 1}
   */
  int columns() {
    return columns;
  }

  /**
   * Bytes of the plan's matrices.
   *
   * @param height H
   * @param width W
   * @param elementBytes bytes per element of the working type
   * @return the total
   */
  static long bytes(long height, long width, long elementBytes) {
    long columns = width / 2 + 1;
    return (4 * width * columns + 2 * height * height) * elementBytes;
  }

  /**
   * The forward transform of N maps.
   *
   * @param maps {@code [H, N, W]} (any rank whose first dimension is H and last W; N is the product of the
   *     others)
   * @param re receives the real parts, {@code [H, N, W/2+1]}
   * @param im receives the imaginary parts, same shape
   * @param scratchA scratch of the spectra's size
   * @param scratchB scratch of the spectra's size
   */
  void forward(INDArray maps, INDArray re, INDArray im, INDArray scratchA, INDArray scratchB) {
    long n = maps.length() / ((long) height * width);
    INDArray x = maps.reshape('c', height * n, width);
    INDArray a = scratchA.reshape('c', height * n, columns);
    INDArray b = scratchB.reshape('c', height * n, columns);
    Nd4j.gemm(x, rowCos, a, false, false, 1.0, 0.0);
    Nd4j.gemm(x, rowSin, b, false, false, 1.0, 0.0);
    INDArray a2 = scratchA.reshape('c', height, n * columns);
    INDArray b2 = scratchB.reshape('c', height, n * columns);
    INDArray r = re.reshape('c', height, n * columns);
    INDArray i = im.reshape('c', height, n * columns);
    Nd4j.gemm(colCos, a2, r, false, false, 1.0, 0.0);
    Nd4j.gemm(colSin, b2, r, false, false, -1.0, 1.0);
    Nd4j.gemm(colSin, a2, i, false, false, 1.0, 0.0);
    Nd4j.gemm(colCos, b2, i, false, false, 1.0, 1.0);
  }

  /**
   * The inverse transform of N spectra (their inputs are left unchanged).
   *
   * @param re real parts, {@code [H, N, W/2+1]}
   * @param im imaginary parts, same shape
   * @param maps receives the real maps, {@code [H, N, W]}
   * @param scratchA scratch of the spectra's size
   * @param scratchB scratch of the spectra's size
   */
  void inverse(INDArray re, INDArray im, INDArray maps, INDArray scratchA, INDArray scratchB) {
    long n = re.length() / ((long) height * columns);
    INDArray r = re.reshape('c', height, n * columns);
    INDArray i = im.reshape('c', height, n * columns);
    INDArray a2 = scratchA.reshape('c', height, n * columns);
    INDArray b2 = scratchB.reshape('c', height, n * columns);
    // Z = conj(F_H) X: Re Z = C·Re + S·Im, Im Z = C·Im − S·Re (S holds −sin)
    Nd4j.gemm(colCos, r, a2, false, false, 1.0, 0.0);
    Nd4j.gemm(colSin, i, a2, false, false, 1.0, 1.0);
    Nd4j.gemm(colCos, i, b2, false, false, 1.0, 0.0);
    Nd4j.gemm(colSin, r, b2, false, false, -1.0, 1.0);
    INDArray a = scratchA.reshape('c', height * n, columns);
    INDArray b = scratchB.reshape('c', height * n, columns);
    INDArray x = maps.reshape('c', height * n, width);
    Nd4j.gemm(a, invCos, x, false, false, 1.0, 0.0);
    Nd4j.gemm(b, invSin, x, false, false, 1.0, 1.0);
  }
}
