/**
 * The {@code lca} solver: the Locally Competitive Algorithm (Rozell, Johnson, Baraniuk &amp; Olshausen 2008,
 * Neural Computation 20(10)) in its residual form, with the dictionary applied by FFTs in the DFT domain.
 *
 * <p>The numerical kernels are written once, for float64, in {@code DoubleLcaState}; the float32
 * {@code FloatLcaState} is generated from it by {@code org.sparsecode.core.fft.PrecisionTwinsTest}.
 * The step's control flow (statistics, stopping) is precision-free, in
 * {@link org.sparsecode.core.solver.lca.Lca.Workspace}.
 */
package org.sparsecode.core.solver.lca;
