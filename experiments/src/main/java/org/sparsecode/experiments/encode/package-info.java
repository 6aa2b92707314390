/**
 * The encoding stage of the downstream experiment: the codes of a labelled data set ({@code data:}), computed
 * with the experiment's dictionary and solver, stored as {@code .npy} shards in a cache keyed by everything they
 * depend on ({@link org.sparsecode.experiments.encode.CodeKey}), resumable after a kill and reused by every run
 * that asks for the same codes; {@link org.sparsecode.experiments.encode.CodeSet} reads them.
 */
package org.sparsecode.experiments.encode;
