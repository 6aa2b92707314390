package org.sparsecode.core.fft;

import org.sparsecode.api.kernel.Dictionary;

/**
 * The DFTs {@code D̂_k} of a dictionary's kernels, each zero-padded at the top-left of an {@code H × W}
 * array (SPORCO's convention), in float32, with the two operators every DFT-domain solver needs:
 * synthesis {@code Σ_k d_k * x_k = IDFT(Σ_k D̂_k X̂_k)} and correlation
 * {@code (Dᵀ r)_k = IDFT(conj(D̂_k) R̂)}, both parallel over kernels.
 *
 * <p>Coefficient maps use {@link org.sparsecode.api.solver.SparseCode}'s layout,
 * {@code maps[(k · H + y) · W + x]}; images are row-major {@code H × W}. Spectra use the package's
 * half-spectrum layout, kernel {@code k} at offset {@code k · spectrumLength()}.
 *
 * <p>Immutable after construction and safe to share; the operators allocate their own scratch buffers.
 */
// GENERATED from DoubleDictionarySpectra.java by PrecisionTwinsTest; edit the template.
@SuppressWarnings("cast") // casts to the storage type: no-ops here, roundings in the float32 twin
public final class FloatDictionarySpectra {
  private final int count;
  private final int height;
  private final int width;
  private final FloatFft2d fft;
  private final float[] spectra;

  /**
   * Transforms the kernels.
   *
   * @param dictionary the kernels (float32; converted to this class's precision)
   * @param height image rows H
   * @param width image columns W
   * @throws IllegalArgumentException if a kernel is larger than the image
   */
  public FloatDictionarySpectra(Dictionary dictionary, int height, int width) {
    int k = dictionary.size();
    if (k > height || k > width) {
      throw new IllegalArgumentException("kernels of " + k + "x" + k + " do not fit in a " + height + "x" + width
          + " image: use an image at least as large as the kernels");
    }
    this.count = dictionary.count();
    this.height = height;
    this.width = width;
    this.fft = new FloatFft2d(height, width);
    int len = fft.spectrumLength();
    this.spectra = new float[Math.multiplyExact(count, len)];
    float[] pad = new float[height * width];
    float[] work = fft.newWork();
    var kernels = dictionary.kernels(); // always float32
    for (int j = 0; j < count; j++) {
      for (int r = 0; r < k; r++) {
        for (int c = 0; c < k; c++) {
          pad[r * width + c] = (float) kernels[(j * k + r) * k + c];
        }
      }
      fft.forward(pad, 0, spectra, j * len, work);
    }
  }

  /**
   * Number of kernels K.
   *
   * @return K
   */
  public int count() {
    return count;
  }

  /**
   * Image rows.
   *
   * @return H
   */
  public int height() {
    return height;
  }

  /**
   * Image columns.
   *
   * @return W
   */
  public int width() {
    return width;
  }

  /**
   * The transform used, for callers that transform their own arrays.
   *
   * @return the planned 2-D FFT
   */
  public FloatFft2d fft() {
    return fft;
  }

  /**
   * Length of one kernel's spectrum.
   *
   * @return {@code 2 · H · (W/2 + 1)}
   */
  public int spectrumLength() {
    return fft.spectrumLength();
  }

  /**
   * The kernel spectra (not a copy: do not modify).
   *
   * @return K half spectra, kernel {@code k} at offset {@code k · spectrumLength()}
   */
  public float[] spectra() {
    return spectra;
  }

  /**
   * Synthesis {@code s = Σ_k d_k * x_k} (circular), computed as {@code IDFT(Σ_k D̂_k X̂_k)}.
   *
   * @param maps K maps of {@code H × W}, layout {@code (k · H + y) · W + x}
   * @param image receives the {@code H × W} image, row-major
   * @param loop the workers; each spectral element is summed by one worker in kernel order, so the result
   *     does not depend on the thread count
   */
  public void synthesize(float[] maps, float[] image, ParallelLoop loop) {
    int len = spectrumLength();
    int h = height;
    float[] mapSpectra = new float[Math.multiplyExact(count, len)];
    float[] sum = new float[len];
    float[][] work = new float[loop.threads()][];
    loop.forEach(count, (w, j) -> {
      if (work[w] == null) {
        work[w] = fft.newWork();
      }
      fft.forward(maps, j * height * width, mapSpectra, j * len, work[w]);
    });
    loop.forEach(fft.columns(), (w, c) -> addProducts(spectra, mapSpectra, count, len, 2 * c * h, h, sum,
        2 * c * h));
    fft.inverse(sum, 0, image, 0, fft.newWork());
  }

  /**
   * Correlation (the adjoint of synthesis) {@code x_k[y, x] = Σ_{i,j} d_k[i, j] r[y + i, x + j]}
   * (circular), computed as {@code IDFT(conj(D̂_k) R̂)}.
   *
   * @param image the {@code H × W} image r, row-major
   * @param maps receives K maps, layout {@code (k · H + y) · W + x}
   * @param loop the workers (each kernel is computed by one worker: the result does not depend on the
   *     thread count)
   */
  public void correlate(float[] image, float[] maps, ParallelLoop loop) {
    int len = spectrumLength();
    float[] imageSpectrum = new float[len];
    fft.forward(image, 0, imageSpectrum, 0, fft.newWork());
    int workers = loop.threads();
    float[] products = new float[workers * len];
    float[][] work = new float[workers][];
    loop.forEach(count, (w, j) -> {
      if (work[w] == null) {
        work[w] = fft.newWork();
      }
      int at = w * len;
      int dk = j * len;
      for (int i = 0; i < len; i += 2) {
        double dr = spectra[dk + i];
        double di = spectra[dk + i + 1];
        double sr = imageSpectrum[i];
        double si = imageSpectrum[i + 1];
        products[at + i] = (float) (dr * sr + di * si);
        products[at + i + 1] = (float) (dr * si - di * sr);
      }
      fft.inverse(products, at, maps, j * height * width, work[w]);
    });
  }
  /**
   * Adds {@code Σ_k D̂_k F_k} over one spectral column to {@code target}: the complex multiply-add per kernel
   * that every synthesis in the frequency domain needs (the solvers' data terms, their objectives, {@link
   * #synthesize}). Kernels are taken in index order, so a sum split over columns between workers is the same
   * on any number of threads.
   *
   * @param dhat the K kernel spectra, {@code len} values each (interleaved complex)
   * @param spectra the K map spectra, same layout
   * @param count K
   * @param len values per spectrum
   * @param col the column's first value in a spectrum ({@code 2 · c · H})
   * @param h H: the column holds {@code 2 · H} values
   * @param target receives the column's sum added to {@code target[to .. to + 2H)}
   * @param to where the column starts in {@code target}
   */
  public static void addProducts(float[] dhat, float[] spectra, int count, int len, int col, int h,
      float[] target, int to) {
    // Element-wise arithmetic in the storage precision (var locals): the float32 twin multiplies in float,
    // with no conversion to double and back in the solvers' hottest loop.
    for (int k = 0; k < count; k++) {
      int o = k * len + col;
      for (int i = 0; i < 2 * h; i += 2) {
        var dr = dhat[o + i];
        var di = dhat[o + i + 1];
        var fr = spectra[o + i];
        var fi = spectra[o + i + 1];
        target[to + i] = (float) (target[to + i] + (dr * fr - di * fi));
        target[to + i + 1] = (float) (target[to + i + 1] + (dr * fi + di * fr));
      }
    }
  }
}
