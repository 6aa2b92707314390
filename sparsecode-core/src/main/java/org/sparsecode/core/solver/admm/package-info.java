/**
 * The {@code cbpdn-admm} solver: SPORCO's {@code admm.cbpdn.ConvBPDN} (Wohlberg 2016, "Efficient algorithms
 * for convolutional sparse representations", IEEE TIP 25(1)) in the DFT domain with the Sherman–Morrison
 * x-step, over-relaxation, residual-balancing AutoRho (Wohlberg 2017, "ADMM penalty parameter selection by
 * residual balancing", arXiv:1704.06209) and SPORCO's relative stopping test.
 *
 * <p>The numerical kernels are written once, for float64, in {@code DoubleAdmmState}; the float32
 * {@code FloatAdmmState} is generated from it (see {@code PrecisionTwinsTest}). The iteration's control
 * flow (residuals, penalty update, stopping, statistics) is precision-free, in
 * {@link org.sparsecode.core.solver.admm.ConvBpdnAdmm.Workspace}.
 */
package org.sparsecode.core.solver.admm;
