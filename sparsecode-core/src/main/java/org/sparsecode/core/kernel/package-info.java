/**
 * Kernel generators: log-Gabor dictionaries (Perrinet's LogGabor/SLIP formulas, as used by Ladret, Casanova
 * and Perrinet 2024), classic spatial Gabor banks, seeded Gaussian noise, and dictionaries read from
 * {@code .npy} files. Kernels are always computed in float64.
 */
package org.sparsecode.core.kernel;
