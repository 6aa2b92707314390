package org.sparsecode.learning.online;

import org.sparsecode.api.kernel.Dictionary;

/**
 * The outcome of one online-CDL step, with the statistics SPORCO's {@code OnlineConvBPDNDictLearn} records
 * ({@code getitstat()}: the last CBPDN row, {@code Cnstr}, {@code DeltaD}, {@code Eta}). For a minibatch the
 * CBPDN objective, fidelity and ℓ1 term are summed over its images and the residuals are their maxima.
 *
 * @param step the step index j, from 0
 * @param dictionary the dictionary after the step (cropped, normalised)
 * @param objective {@code ObjFun}: the last CBPDN objective ½‖Σ d_k * x_k − s‖² + λ‖x‖₁ with the old dictionary
 * @param dataFidelity {@code DFid}: its fidelity term
 * @param regularization {@code RegL1}: its ‖x‖₁
 * @param primalResidual {@code PrimalRsdl}: the last CBPDN relative primal residual
 * @param dualResidual {@code DualRsdl}: the last CBPDN relative dual residual
 * @param rho {@code Rho}: the CBPDN penalty
 * @param constraint {@code Cnstr}: ‖zero-padded new D − G‖_F over the image domain, G = D − η·gradient
 * @param deltaD {@code DeltaD}: ‖new D − old D‖_F
 * @param eta {@code Eta}: the step size used
 * @param lipschitz L_D = max over frequencies of Σ_k |Ẑ_k|² (summed over a minibatch): η·L_D ≤ 2 is a
 *     descent step
 * @param iterations CBPDN iterations run (summed over a minibatch)
 */
public record OnlineCdlStep(int step, Dictionary dictionary, double objective, double dataFidelity,
    double regularization, double primalResidual, double dualResidual, double rho, double constraint,
    double deltaD, double eta, double lipschitz, int iterations) {
}
