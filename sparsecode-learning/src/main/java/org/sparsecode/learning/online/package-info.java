/**
 * Online convolutional dictionary learning: SPORCO's {@code OnlineConvBPDNDictLearn} (Liu, Garcia-Cardona,
 * Wohlberg and Yin 2018, "First- and second-order methods for online convolutional dictionary learning", SIAM
 * J. Imaging Sci. 11(2)) as Ladret, Casanova and Perrinet (2024) run it: one fresh fixed-ρ CBPDN per step, an
 * SGD step on the dictionary in the DFT domain, crop and unit-norm projection.
 */
package org.sparsecode.learning.online;
