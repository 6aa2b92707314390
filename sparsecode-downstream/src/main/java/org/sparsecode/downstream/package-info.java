/**
 * The downstream classifier: a ResNet-style network (DeepLearning4J) trained on the codes of a labelled set, or
 * on its pixels, with the paper's input transform and "ceil" cutoff; the training stage behind experiment files
 * with a {@code network:} block.
 */
package org.sparsecode.downstream;
