/**
 * Image input and the paper's preprocessing: reading PNG/JPEG/TIFF/BMP and {@code .npy} files
 * ({@link org.sparsecode.core.image.ImageFiles}), the preprocessing steps (centre crop, Pillow-exact bicubic
 * resize, grey, scale, local contrast normalisation) and the image sources ({@code directory},
 * {@code embedded}).
 *
 * <p>The default path ({@code preprocess: local-contrast}) reproduces the fixtures of Ladret, Casanova &amp;
 * Perrinet (2024): centre square crop, {@code PIL.Image.resize(..., BICUBIC)}, grey {@code 0.2989 R + 0.587 G
 * + 0.114 B}, {@code / 255}, SPORCO's local contrast normalisation with {@code n = 7}.
 */
package org.sparsecode.core.image;
