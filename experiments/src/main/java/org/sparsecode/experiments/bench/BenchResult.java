package org.sparsecode.experiments.bench;

/**
 * What one solver costs on the benchmark's problem.
 *
 * @param solver the solver's {@code type:}
 * @param precision {@code float32} or {@code float64}
 * @param fft the FFT engine the solver ran on ({@code fftw}, {@code jtransforms}; the solver's own where it
 *     does not use the core FFT)
 * @param threads the worker threads the solver was given
 * @param batch the images coded per call
 * @param msPerIteration the time of one iteration over the whole batch, in milliseconds (median over repeats)
 * @param setupMs the time of a solve that is not its iterations (transforms of the dictionary, workspace), in
 *     milliseconds
 * @param imagesPerSecond images coded per second at {@code iterationsPerImage} iterations each, set-up included
 * @param iterationsPerImage the iterations an image gets in the problem's own solver call
 * @param peakHeapBytes the heap's high-water mark during one solve
 * @param peakResidentBytes the process's resident-set high-water mark during one solve, or -1 where unknown
 */
public record BenchResult(String solver, String precision, String fft, int threads, int batch,
    double msPerIteration, double setupMs, double imagesPerSecond, int iterationsPerImage, long peakHeapBytes,
    long peakResidentBytes) {
}
