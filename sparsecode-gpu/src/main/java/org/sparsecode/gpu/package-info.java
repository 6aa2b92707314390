/**
 * The solvers on ND4J ({@code nd4j-cbpdn-admm}, {@code nd4j-fista}, {@code nd4j-lca}): the algorithms, settings,
 * statistics and stopping tests of sparsecode-core's {@code cbpdn-admm}, {@code fista} and {@code lca}, run on
 * ND4J 1.0.0-M2.1's CPU backend (nd4j-native, linux-x86_64) or, built with {@code -Pcuda}, its CUDA 11.6 backend,
 * and batched: a {@link org.sparsecode.api.solver.BatchSolver} that codes {@code batch} images per call, each
 * stopping on its own test (see {@link org.sparsecode.gpu.BatchRun}).
 *
 * <p><b>How the convolutions run: the DFT as matrix products.</b> ND4J has no complex arrays, so the choice was
 * between the DFT written as real matrix products (exact, and bound by matrix multiplication, what GPUs and BLAS
 * do best) and ND4J's spatial {@code conv2d} (cuDNN, oneDNN) for the gradient solvers. The DFT won:
 * <ul>
 *   <li>ADMM's x-step is a solve per frequency (Sherman–Morrison), which only the DFT domain gives: with
 *       {@code conv2d}, {@code nd4j-cbpdn-admm} could not be the core's algorithm, and the three solvers would
 *       need two implementations;
 *   <li>it is exact: the spectra agree with sparsecode-core's FFT to 1e-12 in float64, and the float32 objective
 *       traces follow the core's float64 ones to about 1e-6 relative (float64: 1e-15), with the same iteration
 *       counts;
 *   <li>the batch only widens the matrices: stacks are held row-interleaved, {@code [H, N, W]} with N = batch ×
 *       kernels, so each pass of a 2-D transform is one matrix product over the whole batch (see
 *       {@link org.sparsecode.gpu.RealDft2d}), 14.6 GFLOP per transform of the paper's 144 maps of 256 × 256,
 *       29 GFLOP per ADMM iteration;
 *   <li>{@code conv2d} was measured slower, above all for the synthesis {@code Σ_k d_k * x_k} (144 input
 *       channels to one output), and a circular convolution also needs the maps padded by wrapping first.
 * </ul>
 * Measured on this project's build machine (2 cores of a shared x86-64 server with AVX-512, OpenBLAS, float32,
 * one thread; {@code DesignBenchmark} in the tests; best of several repetitions, with other jobs running: load 4
 * to 8, except the figures marked quiet, load 1.6, two threads):
 * <table>
 *   <caption>ND4J CPU backend and the core solver, milliseconds</caption>
 *   <tr><th></th><th>K = 16, 64 × 64, 8 × 8</th><th>the paper's: K = 144, 256 × 256, 12 × 12</th></tr>
 *   <tr><td>DFT of K maps as matrix products, forward / inverse</td><td>0.6 / 0.6</td>
 *       <td>194 / 242 (quiet: 73 / 68)</td></tr>
 *   <tr><td>conv2d synthesis (K → 1) / correlation (1 → K)</td><td>11 / 0.7</td>
 *       <td>7107 / 87 (quiet: 4864 / 65)</td></tr>
 *   <tr><td>nd4j-cbpdn-admm, an iteration, batch 1</td><td>4.6</td><td>1062</td></tr>
 *   <tr><td>nd4j-cbpdn-admm, an image-iteration, batch 4</td><td>2.0</td><td>688</td></tr>
 *   <tr><td>cbpdn-admm (core, FFTW), an iteration</td><td>1.8</td><td>214</td></tr>
 * </table>
 * {@code conv2d}'s synthesis is 20 to 70 times slower than a transform; its correlation is about as fast as one,
 * but a gradient step needs both, and ADMM cannot use them at all.
 * On the CPU the core solvers, on FFTW, stay faster (the DFT's matrix products cost O(N) per point against the
 * FFT's O(log N)); the ND4J backend is for GPUs, where the aims are one CBPDN-ADMM iteration at the paper's size
 * in at most 5 ms and at most 1 ms per image-iteration in batches of 32 (aims to design toward, not measured
 * here: the project's machines have no GPU).
 *
 * <p><b>Differences from the core solvers.</b> No warm start; {@code nd4j-fista} runs with a fixed L (the exact
 * Lipschitz constant, or {@code lipschitz}), without backtracking; the device's type is {@code dtype}
 * ({@code float32}, {@code float64}, and on CUDA {@code float16} or {@code bfloat16}), independent of the run's
 * {@code precision}; the scalars and the statistics' sums are float64 on the host. The run's {@code threads} set
 * ND4J's CPU threads, process-wide.
 *
 * <p><b>Errors.</b> No silent fallback: a CUDA build without a driver or a GPU refuses with one message saying
 * how to get the CPU backend ({@link org.sparsecode.gpu.Nd4jRuntime}); a batch that cannot fit in the device's
 * free memory is refused before anything is allocated, and an out-of-memory error during a batch is reported
 * the same way, with the largest batch that fits; a run's provenance records the library, backend, device and
 * type.
 */
package org.sparsecode.gpu;
