/**
 * The service-provider interface of sparsecode: the roles a plugin can play ({@link
 * org.sparsecode.api.solver.SparseSolver}, {@link org.sparsecode.api.kernel.KernelGenerator}, ...), the
 * {@link org.sparsecode.api.Plugin} through which {@link java.util.ServiceLoader} finds them, and the
 * immutable value types they exchange. This module has no third-party dependency.
 */
package org.sparsecode.api;
