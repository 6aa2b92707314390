/** Sparse solvers, the codes they return and their per-iteration statistics. */
package org.sparsecode.api.solver;
