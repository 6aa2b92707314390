/** Dictionaries of convolution kernels and the generators that make them. */
package org.sparsecode.api.kernel;
