/**
 * Greedy convolutional pursuits: matching pursuit ({@code matching-pursuit}, Mallat &amp; Zhang 1993) and
 * orthogonal matching pursuit ({@code omp}, Pati, Rezaiifar &amp; Krishnaprasad 1993), selecting atoms by
 * correlation with the unit-ℓ2 kernels.
 *
 * <p>Speed: the correlation map {@code corr[k, y, x] = ⟨r, u_k at (y, x)⟩} is computed once by FFT, then
 * kept up to date locally after each atom with the kernel cross-correlations {@code DᵀD}
 * ({@link org.sparsecode.core.solver.mp.KernelGram}: {@code (2k−1)²} offsets per kernel pair), and its
 * maximum is kept in a tournament tree over image tiles
 * ({@link org.sparsecode.core.solver.mp.ArgmaxTree}), so one atom costs {@code O(K (2k−1)²)} whatever the
 * image size. {@link org.sparsecode.core.solver.mp.PlainMatchingPursuit} is the textbook version (full FFT
 * re-correlation per atom) kept as the reference for tests and benchmarks.
 */
package org.sparsecode.core.solver.mp;
