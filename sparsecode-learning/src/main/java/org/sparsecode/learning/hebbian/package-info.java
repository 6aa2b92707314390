/**
 * The Hebbian dictionary update of lca-pytorch (Teti et al., {@code lcapt}): code one image with any
 * configured solver, move each atom along the correlation of its code map with the residual, renormalise.
 */
package org.sparsecode.learning.hebbian;
