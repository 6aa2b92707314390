/** Measures of a code's quality: fidelity (PSNR, MSE), sparseness, objective. */
package org.sparsecode.api.metric;
