/**
 * Sparse solvers of the CBPDN problem {@code min ½‖Σ_k d_k * x_k − s‖² + λ Σ_k ‖w_k x_k‖₁}; one
 * sub-package per algorithm ({@link org.sparsecode.core.solver.admm} for SPORCO's ADMM).
 */
package org.sparsecode.core.solver;
