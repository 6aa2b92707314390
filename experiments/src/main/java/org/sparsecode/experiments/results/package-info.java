/**
 * What a run leaves behind (the files scripts read, listed in the README's Outputs): the run directory and
 * its atomic writes, the immutable result values ({@link org.sparsecode.experiments.results.RunResult},
 * {@link org.sparsecode.experiments.results.ImageResult}, {@link org.sparsecode.experiments.results.Provenance}),
 * their JSON and CSV forms, and the comparison table of a file with variants.
 */
package org.sparsecode.experiments.results;
