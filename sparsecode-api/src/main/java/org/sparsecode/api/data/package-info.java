/**
 * Labelled data for the downstream classifier: a data set's {@link org.sparsecode.api.data.LabelledData#train()}
 * and {@link org.sparsecode.api.data.LabelledData#test()} splits, each an indexed set of preprocessed images
 * with a class label per image ({@link org.sparsecode.api.data.LabelledImages}).
 */
package org.sparsecode.api.data;
