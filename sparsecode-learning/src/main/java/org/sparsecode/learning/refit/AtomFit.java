package org.sparsecode.learning.refit;

/**
 * The log-Gabor parameters fitted to one atom.
 *
 * <p>The atom and the model are compared after the same normalisation: mean subtracted, unit ℓ2 norm. The
 * model is {@code amplitude · m} where m is the centred, unit-norm log-Gabor kernel of these parameters.
 *
 * @param index the atom's index in the dictionary
 * @param theta orientation θ in radians, in [0, π) (measured as {@link org.sparsecode.core.kernel.LogGaborKernels}
 *     does, from the row axis)
 * @param bTheta orientation bandwidth B_θ in radians
 * @param phase phase in radians, in [0, 2π); since {@code kernel(θ + π, φ) = kernel(θ, −φ)}, an atom at θ ≈ 0
 *     may come back as θ ≈ π with the opposite phase (the same kernel)
 * @param sf0 peak spatial frequency, cycles per pixel (the fixed value unless fitted)
 * @param bsf radial bandwidth B_sf (the fixed value unless fitted)
 * @param amplitude the scale of the unit-norm model that best matches the unit-norm atom, in [0, 1]
 *     (equal to √R²)
 * @param r2 coefficient of determination {@code 1 − SS_res / SS_tot} of the centred atom; 1 for a perfect fit
 */
public record AtomFit(int index, double theta, double bTheta, double phase, double sf0, double bsf,
    double amplitude, double r2) {}
