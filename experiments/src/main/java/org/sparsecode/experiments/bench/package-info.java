/**
 * {@code sparsecode bench}: what a solver costs on this machine, per iteration, per image and in memory.
 *
 * <p>A solver's time per iteration is measured by difference — a solve of {@code n} iterations minus a solve
 * of {@code m < n}, with the stopping tolerance at zero so that both run to their limit — which removes the
 * set-up (the dictionary's spectra, the workspace) from the per-iteration figure and gives the set-up on its
 * own. Peak memory is the heap's high-water mark and the process's resident-set high-water mark ({@code
 * VmHWM}), both reset before each measurement, so native buffers (FFTW's, ND4J's) count too.
 */
package org.sparsecode.experiments.bench;
