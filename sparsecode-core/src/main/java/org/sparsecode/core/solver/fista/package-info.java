/**
 * The {@code fista} and {@code ista} solvers: SPORCO's {@code pgm.cbpdn.ConvBPDN} (proximal gradient for
 * CBPDN in the DFT domain, Garcia-Cardona &amp; Wohlberg 2018) with Nesterov momentum (FISTA, Beck &amp;
 * Teboulle 2009) or without (ISTA), a fixed or exact Lipschitz constant or SPORCO's standard and robust
 * (Florea &amp; Vorobyov 2017) backtracking, and SPORCO's stopping test on the squared fixed-point residual.
 *
 * <p>The numerical kernels are written once, for float64, in {@code DoubleFistaState}; the float32
 * {@code FloatFistaState} is generated from it (see {@code org.sparsecode.core.fft.PrecisionTwinsTest}).
 * The control flow (momentum, line searches, stopping, statistics) is precision-free, in
 * {@link org.sparsecode.core.solver.fista.Fista.Workspace}.
 */
package org.sparsecode.core.solver.fista;
