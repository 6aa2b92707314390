/**
 * Learning the parameters of log-Gabor kernels: the atoms stay log-Gabor kernels and their parameters move by
 * gradient descent on the coding objective, through the analytic derivative of the generator.
 */
package org.sparsecode.learning.parametric;
