/**
 * The log-Gabor re-fit of learned atoms (the paper's analysis, Ladret, Casanova and Perrinet 2024): each
 * atom is compared with the log-Gabor model of {@link org.sparsecode.core.kernel.LogGaborKernels} and its
 * orientation θ, orientation bandwidth B_θ and phase (optionally its spatial frequency sf_0 and radial
 * bandwidth B_sf) are fitted; a dictionary's (θ, B_θ) distribution is summarised as a histogram.
 * Entry point: {@link org.sparsecode.learning.refit.LogGaborRefit#fit}.
 */
package org.sparsecode.learning.refit;
