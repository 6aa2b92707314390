/**
 * The encoding stage of the downstream experiment: the codes of a labelled data set ({@code data:}), computed
 * with the experiment's dictionary and solver, stored as {@code .npy} shards in a cache keyed by everything they
 * depend on ({@link org.sparsecode.experiments.encode.CodeKey}), resumable after a kill and reused by every run
 * that asks for the same codes.
 *
 * <p>{@code sparsecode run} of a file with {@code data:} runs {@link org.sparsecode.experiments.encode.EncodingRunner}.
 * A training stage gets its codes the same way, from the same blocks: {@code new Encoder(config, threads,
 * progress).encode(cache)} codes only what the cache lacks (nothing when another run made them) and returns their
 * directory, which {@link org.sparsecode.experiments.encode.CodeSet#open(java.nio.file.Path)} reads (layout,
 * classes, each shard's codes and labels); NumPy reads the same files.
 */
package org.sparsecode.experiments.encode;
