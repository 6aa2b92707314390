package org.sparsecode.learning.parametric;

/**
 * The outcome of one parametric log-Gabor step.
 *
 * @param step the step index j, from 0
 * @param parameters the parameters after the step, kernel-major, five per kernel in the order of
 *     {@link LogGaborJacobian#NAMES}
 * @param objective the coding objective ½‖Σ d_k * x_k − s‖² + λ‖x‖₁ before the update (summed over a minibatch)
 * @param dataTerm ½‖Σ d_k * x_k − s‖² of the codes before the update, computed by {@link DataTerm} (summed)
 * @param gradientNorm the ℓ2 norm of the gradient with respect to the learned (unconstrained) parameters
 * @param iterations the solver's iterations (summed over a minibatch)
 * @param minSwitchMargin the smallest {@link LogGaborJacobian#switchMargin()} over the kernels before the update
 */
public record ParametricStep(int step, double[] parameters, double objective, double dataTerm,
    double gradientNorm, int iterations, double minSwitchMargin) {

  /**
   * Copies the parameters.
   */
  public ParametricStep {
    parameters = parameters.clone();
  }

  @Override
  public double[] parameters() {
    return parameters.clone();
  }
}
