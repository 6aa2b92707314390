package org.sparsecode.core.solver.mp;

/**
 * One step of a greedy pursuit: the atom selected and what it left.
 *
 * @param kernel the kernel index k
 * @param y the row of the kernel's {@code [0, 0]} element
 * @param x the column of the kernel's {@code [0, 0]} element
 * @param coefficient the atom's coefficient for the UNIT-norm kernel {@code d_k / ‖d_k‖} (MP: the
 *     correlation with the residual; OMP: the atom's least-squares coefficient after the refit)
 * @param residualNorm {@code ‖r‖₂} after the step
 */
public record Atom(int kernel, int y, int x, double coefficient, double residualNorm) {}
