/**
 * The FFT convolution engine: 2-D real-to-half-spectrum transforms of any size on JTransforms, in float64
 * ({@link org.sparsecode.core.fft.DoubleFft2d}) and float32 ({@link org.sparsecode.core.fft.FloatFft2d}),
 * dictionary spectra with synthesis {@code Σ_k IDFT(D̂_k X̂_k)} and correlation {@code IDFT(conj(D̂_k) R̂)}
 * ({@link org.sparsecode.core.fft.DoubleDictionarySpectra}, {@link org.sparsecode.core.fft.FloatDictionarySpectra}),
 * and a deterministic parallel loop over kernels ({@link org.sparsecode.core.fft.ParallelLoop}).
 *
 * <p>Convention (SPORCO's): kernel {@code d_k} is zero-padded at the top-left of an {@code H × W} array
 * before its DFT, so the atom of coefficient {@code (k, y, x)} is {@code d_k} with its {@code [0, 0]}
 * element at pixel {@code (y, x)}, wrapping circularly.
 *
 * <p>Half-spectrum layout (shared by every class here): the {@code W/2 + 1} non-negative column frequencies
 * of an {@code H × W} real array, stored column-major as interleaved complex numbers,
 * {@code spectrum[2 * (c * H + r)]} (real part) and {@code spectrum[2 * (c * H + r) + 1]} (imaginary part)
 * for frequency row {@code r} in {@code [0, H)} and column {@code c} in {@code [0, W/2]}. Column-major keeps
 * the column transforms contiguous; element-wise products in the DFT domain do not care about the order.
 */
package org.sparsecode.core.fft;
