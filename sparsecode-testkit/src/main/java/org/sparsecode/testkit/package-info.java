/**
 * The solver contract kit: {@link org.sparsecode.testkit.SolverContract}, the JUnit 5 tests every {@code
 * SparseSolver} runs by implementing one factory method, with its seeded problems ({@link
 * org.sparsecode.testkit.ContractProblems}) and the kit's own reconstruction and objective ({@link
 * org.sparsecode.testkit.Objective}). Depend on this jar in test scope.
 */
package org.sparsecode.testkit;
