package org.sparsecode.core.fft;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * 2-D DFT of a real {@code H × W} array (any sizes, not only powers of two) to its half spectrum and back,
 * in float32: 1-D real FFTs on the rows, then complex FFTs on the {@code W/2 + 1} columns (JTransforms'
 * packed 2-D real transform needs powers of two). The half-spectrum layout is described in
 * {@link org.sparsecode.core.fft the package documentation}. The forward transform is unnormalised (as
 * NumPy's {@code rfft2}); the inverse divides by {@code H·W}, so {@code inverse(forward(x)) = x}.
 *
 * <p>Instances are immutable and may be shared by threads; each thread passes its own work buffer
 * ({@link #newWork()}). A transform runs on the calling thread and its result does not depend on the number
 * of threads (JTransforms only threads 1-D transforms longer than several thousand points; FFTW's plans are
 * single-threaded).
 *
 * <p>The engine is chosen when the transform is made ({@link FftBackend}): FFTW's plans for the shape
 * ({@link FloatFftw2d}), or JTransforms' 1-D transforms on the rows and columns (the code here).
 */
// GENERATED from DoubleFft2d.java by PrecisionTwinsTest; edit the template.
@SuppressWarnings("cast") // casts to the storage type: no-ops here, roundings in the float32 twin
public final class FloatFft2d {
  /** Rows transformed together (see {@link #forward}). */
  private static final int BLOCK = 8;
  private final int height;
  private final int width;
  private final int columns;
  private final FftBackend backend;
  /** FFTW's plans, or null on JTransforms. */
  private final FloatFftw2d fftw;
  /** JTransforms' row and column transforms, or null on FFTW. */
  private final FloatFFT_1D rowFft;
  private final FloatFFT_1D columnFft;

  /**
   * Plans the transforms on the process-wide engine ({@link FftBackend#current()}).
   *
   * @param height rows H, at least 1
   * @param width columns W, at least 1
   * @throws IllegalArgumentException if a size is below 1
   */
  public FloatFft2d(int height, int width) {
    this(height, width, FftBackend.current());
  }

  /**
   * Plans the transforms on the given engine.
   *
   * @param height rows H, at least 1
   * @param width columns W, at least 1
   * @param backend the engine ({@link FftBackend#AUTO} is resolved)
   * @throws IllegalArgumentException if a size is below 1
   * @throws IllegalStateException if FFTW is asked for and its native library does not load
   */
  public FloatFft2d(int height, int width, FftBackend backend) {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("FFT size must be at least 1x1, got " + height + "x" + width);
    }
    this.height = height;
    this.width = width;
    this.columns = width / 2 + 1;
    this.backend = backend.resolve();
    if (this.backend == FftBackend.FFTW) {
      this.fftw = FloatFftw2d.of(height, width);
      this.rowFft = null;
      this.columnFft = null;
    } else {
      this.fftw = null;
      this.rowFft = new FloatFFT_1D(width);
      this.columnFft = new FloatFFT_1D(height);
    }
  }

  /**
   * The engine these transforms run on.
   *
   * @return {@link FftBackend#FFTW} or {@link FftBackend#JTRANSFORMS}
   */
  public FftBackend backend() {
    return backend;
  }

  /**
   * Rows of the real array.
   *
   * @return H
   */
  public int height() {
    return height;
  }

  /**
   * Columns of the real array.
   *
   * @return W
   */
  public int width() {
    return width;
  }

  /**
   * Number of non-negative column frequencies kept.
   *
   * @return {@code W/2 + 1}
   */
  public int columns() {
    return columns;
  }

  /**
   * Length of one half spectrum in array elements.
   *
   * @return {@code 2 · H · (W/2 + 1)}
   */
  public int spectrumLength() {
    return 2 * height * columns;
  }

  /**
   * A work buffer for {@link #forward} and {@link #inverse}, one per thread.
   *
   * @return a new buffer of {@code 8 W + 2 · H · (W/2 + 1)} values
   */
  public float[] newWork() {
    return new float[BLOCK * width + spectrumLength()];
  }

  /**
   * Forward DFT {@code X̂[r, c] = Σ_{y,x} x[y, x] e^{−2πi (r y / H + c x / W)}} of one real array.
   *
   * @param image {@code H · W} values, row-major, from {@code imageOffset}
   * @param imageOffset where the array starts
   * @param spectrum receives the half spectrum from {@code spectrumOffset}
   * @param spectrumOffset where the spectrum starts
   * @param work a buffer from {@link #newWork()} (only its first 8 W values are used)
   */
  public void forward(float[] image, int imageOffset, float[] spectrum, int spectrumOffset, float[] work) {
    if (fftw != null) {
      fftw.forward(image, imageOffset, spectrum, spectrumOffset);
      return;
    }
    final int h = height;
    final int w = width;
    // Rows are transformed BLOCK at a time so that each spectral column receives BLOCK consecutive values
    // per visit (one cache line, one page) instead of one: the transposition is the costly part.
    for (int r0 = 0; r0 < h; r0 += BLOCK) {
      int rows = Math.min(BLOCK, h - r0);
      for (int b = 0; b < rows; b++) {
        System.arraycopy(image, imageOffset + (r0 + b) * w, work, b * w, w);
        rowFft.realForward(work, b * w);
      }
      for (int c = 0; c < columns; c++) {
        int re = packedReal(c);
        int im = packedImaginary(c);
        int at = spectrumOffset + 2 * (c * h + r0);
        for (int b = 0; b < rows; b++) {
          spectrum[at + 2 * b] = work[b * w + re];
          spectrum[at + 2 * b + 1] = im < 0 ? 0 : work[b * w + im];
        }
      }
    }
    for (int c = 0; c < columns; c++) {
      columnFft.complexForward(spectrum, spectrumOffset + 2 * c * h);
    }
  }

  /**
   * Forward DFTs of {@code count} real arrays stored one after the other (as a solver's K coefficient maps),
   * to half spectra stored one after the other. On FFTW one call of a batched plan for {@code count} arrays
   * (planned at the first such call and kept, like the single-array plans, with {@code count} arrays of native
   * buffers per thread); on JTransforms one {@link #forward} per array. Equal to {@code count} calls of
   * {@link #forward} within rounding. The solvers do not use it: at 256 × 256 a batch of 2 to 72 kernels was
   * 6–110 % slower than one call per kernel (its working set leaves the L2 cache; {@code FftBatchBenchmark}).
   *
   * @param images {@code count · H · W} values, array j at {@code imageOffset + j · H · W}
   * @param imageOffset where the first array starts
   * @param count how many arrays, at least 1
   * @param spectra receives the half spectra, spectrum j at {@code spectrumOffset + j · spectrumLength()}
   * @param spectrumOffset where the first spectrum starts
   * @param work a buffer from {@link #newWork()}
   */
  public void forwardMany(float[] images, int imageOffset, int count, float[] spectra, int spectrumOffset,
      float[] work) {
    if (fftw != null && count > 1) {
      FloatFftw2d.of(height, width, count).forward(images, imageOffset, spectra, spectrumOffset);
      return;
    }
    for (int j = 0; j < count; j++) {
      forward(images, imageOffset + j * height * width, spectra, spectrumOffset + j * spectrumLength(), work);
    }
  }

  /**
   * Inverse DFTs of {@code count} half spectra stored one after the other, as {@link #forwardMany} batches
   * the forward ones; the spectra are not modified.
   *
   * @param spectra the half spectra, spectrum j at {@code spectrumOffset + j · spectrumLength()}
   * @param spectrumOffset where the first spectrum starts
   * @param count how many spectra, at least 1
   * @param images receives {@code count · H · W} values, array j at {@code imageOffset + j · H · W}
   * @param imageOffset where the first array starts
   * @param work a buffer from {@link #newWork()}
   */
  public void inverseMany(float[] spectra, int spectrumOffset, int count, float[] images, int imageOffset,
      float[] work) {
    if (fftw != null && count > 1) {
      FloatFftw2d.of(height, width, count).inverse(spectra, spectrumOffset, images, imageOffset);
      return;
    }
    for (int j = 0; j < count; j++) {
      inverse(spectra, spectrumOffset + j * spectrumLength(), images, imageOffset + j * height * width, work);
    }
  }

  /** Where JTransforms' packed real transform of a row keeps the real part of column frequency c. */
  private int packedReal(int c) {
    if (c == 0) {
      return 0;
    } else if (width % 2 == 0 && c == width / 2) {
      return 1;
    } else if (width % 2 == 1 && c == (width - 1) / 2) {
      return width - 1;
    }
    return 2 * c;
  }

  /** Where it keeps the imaginary part, or -1 for the self-conjugate columns (imaginary part 0). */
  private int packedImaginary(int c) {
    if (c == 0 || (width % 2 == 0 && c == width / 2)) {
      return -1;
    } else if (width % 2 == 1 && c == (width - 1) / 2) {
      return 1;
    }
    return 2 * c + 1;
  }


  /**
   * Inverse DFT of a half spectrum to a real array (the imaginary parts of the self-conjugate columns
   * {@code c = 0} and {@code c = W/2} are ignored, as NumPy's {@code irfft2} does). The spectrum is not
   * modified.
   *
   * @param spectrum the half spectrum from {@code spectrumOffset}
   * @param spectrumOffset where the spectrum starts
   * @param image receives {@code H · W} values, row-major, from {@code imageOffset}
   * @param imageOffset where the array starts
   * @param work a buffer from {@link #newWork()}
   */
  public void inverse(float[] spectrum, int spectrumOffset, float[] image, int imageOffset, float[] work) {
    if (fftw != null) {
      fftw.inverse(spectrum, spectrumOffset, image, imageOffset);
      return;
    }
    System.arraycopy(spectrum, spectrumOffset, work, BLOCK * width, spectrumLength());
    inverseInPlace(work, BLOCK * width, image, imageOffset, work);
  }

  /**
   * Inverse DFT like {@link #inverse}, using the spectrum itself as scratch space: the spectrum is destroyed,
   * one copy is saved.
   *
   * @param spectrum the half spectrum from {@code spectrumOffset}, overwritten
   * @param spectrumOffset where the spectrum starts
   * @param image receives {@code H · W} values, row-major, from {@code imageOffset}
   * @param imageOffset where the array starts
   * @param work a buffer from {@link #newWork()} (only its first 8 W values are used)
   */
  public void inverseInPlace(float[] spectrum, int spectrumOffset, float[] image, int imageOffset,
      float[] work) {
    if (fftw != null) {
      fftw.inverse(spectrum, spectrumOffset, image, imageOffset);
      return;
    }
    final int h = height;
    final int w = width;
    final int base = spectrumOffset;
    for (int c = 0; c < columns; c++) {
      columnFft.complexInverse(spectrum, base + 2 * c * h, false);
    }
    // The column transforms' 1/H is applied while copying out (one pass less); JTransforms scales the rows
    // (its unscaled real inverse is off by n/2 for powers of two and by n otherwise).
    // The factor is cast to the storage type so that the float32 twin multiplies in float: a float-by-double
    // product converts every value to double and back, which made the float32 inverse 25 % slower.
    double scale = 1.0 / h;
    for (int r0 = 0; r0 < h; r0 += BLOCK) {
      int rows = Math.min(BLOCK, h - r0);
      for (int c = 0; c < columns; c++) {
        int re = packedReal(c);
        int im = packedImaginary(c);
        int at = base + 2 * (c * h + r0);
        for (int b = 0; b < rows; b++) {
          work[b * w + re] = spectrum[at + 2 * b];
          if (im >= 0) {
            work[b * w + im] = spectrum[at + 2 * b + 1];
          }
        }
      }
      for (int b = 0; b < rows; b++) {
        rowFft.realInverse(work, b * w, true);
        int out = imageOffset + (r0 + b) * w;
        for (int x = 0; x < w; x++) {
          image[out + x] = work[b * w + x] * (float) scale;
        }
      }
    }
  }

  /**
   * The squared ℓ2 norm of the real array whose half spectrum is given (Parseval):
   * {@code Σ x² = (1 / HW) Σ_{r,c} m_c |X̂[r, c]|²}, with {@code m_c = 1} for the self-conjugate columns and
   * 2 for the others.
   *
   * @param spectrum the half spectrum from {@code offset}
   * @param offset where the spectrum starts
   * @return {@code Σ x²}
   */
  public double squaredNorm(float[] spectrum, int offset) {
    double sum = 0;
    for (int c = 0; c < columns; c++) {
      double m = columnMultiplicity(c);
      double col = 0;
      for (int i = offset + 2 * c * height, end = i + 2 * height; i < end; i += 2) {
        double re = spectrum[i];
        double im = spectrum[i + 1];
        col += re * re + im * im;
      }
      sum += m * col;
    }
    return sum / ((long) height * width);
  }

  /**
   * How many times column frequency {@code c} appears in the full spectrum (Parseval weight).
   *
   * @param c a column frequency in {@code [0, W/2]}
   * @return 1 for {@code c = 0} and, when W is even, {@code c = W/2}; else 2
   */
  public int columnMultiplicity(int c) {
    return c == 0 || (width % 2 == 0 && c == width / 2) ? 1 : 2;
  }
}
