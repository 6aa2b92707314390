/**
 * Dictionaries compared on the PSNR–sparseness front: {@link org.sparsecode.eval.front.SparsenessFront} is one
 * image's λ curve with the sparseness interpolated at any PSNR it covers, and
 * {@link org.sparsecode.eval.front.PsnrMatchedSparseness} picks common PSNR levels and compares two dictionaries'
 * sparseness there, per image, with a bootstrap CI over images. Pure functions of {@code double[]}.
 */
package org.sparsecode.eval.front;
