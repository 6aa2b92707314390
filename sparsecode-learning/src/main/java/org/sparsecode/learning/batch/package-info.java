/**
 * Batch convolutional dictionary learning for a small fixed image set: SPORCO's {@code ConvBPDNDictLearn}
 * (alternating CBPDN and a constrained dictionary update in the DFT domain, Wohlberg 2016; Garcia-Cardona and
 * Wohlberg 2018).
 */
package org.sparsecode.learning.batch;
