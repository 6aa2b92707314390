package org.sparsecode.api.solver;

/**
 * One row of a solver's iteration table, as SPORCO's {@code getitstat()}. Fields a solver does not have
 * are {@code NaN}.
 *
 * @param iteration the iteration index, from 0
 * @param objective {@code dataFidelity + λ · regularization}
 * @param dataFidelity {@code ½‖Σ d_k * x_k − s‖²}
 * @param regularization the weighted ℓ1 norm {@code ‖w ⊙ x‖₁}
 * @param primalResidual ADMM's relative primal residual (FISTA: the residual ‖X − Y_prev‖²)
 * @param dualResidual ADMM's relative dual residual
 * @param epsPrimal the primal stopping threshold
 * @param epsDual the dual stopping threshold
 * @param penalty the ADMM penalty ρ used this iteration (FISTA: the Lipschitz constant L)
 * @param seconds wall time since the solve started
 */
public record IterationStats(int iteration, double objective, double dataFidelity, double regularization,
    double primalResidual, double dualResidual, double epsPrimal, double epsDual, double penalty,
    double seconds) {}
