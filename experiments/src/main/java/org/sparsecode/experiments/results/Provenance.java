package org.sparsecode.experiments.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where and how a run was made: enough, with the resolved {@code config.yaml}, to re-run it.
 *
 * @param version the sparsecode version
 * @param gitCommit the commit the code was built from, or {@code unknown}
 * @param java the Java runtime version
 * @param os the operating system name and version
 * @param arch the CPU architecture
 * @param threads worker threads the solvers were allowed
 * @param startedAt ISO-8601 instant the run started
 * @param finishedAt ISO-8601 instant the run finished, or {@code null} while it runs
 * @param precision {@code float32} or {@code float64}
 * @param imagesSha256 the identity of the data: SHA-256 over every coded image, in order, of its id (UTF-8),
 *     a zero byte, and its pixels as little-endian float64; {@code null} while the run is in progress
 * @param fft the FFT engine that ran, {@code fftw} or {@code jtransforms}; {@code null} in results written
 *     before the choice existed (they ran on JTransforms)
 * @param device what a solver that runs on a device (a {@link org.sparsecode.api.solver.BatchSolver} with a
 *     non-empty {@code device()}: the ND4J solvers) ran on, e.g. {@code library}, {@code backend}, {@code device},
 *     {@code dtype}; {@code null} for the core solvers
 */
public record Provenance(String version, String gitCommit, String java, String os, String arch, int threads,
    String startedAt, String finishedAt, String precision, String imagesSha256, String fft,
    Map<String, String> device) {

  /**
   * A provenance of a run on the core solvers (no device).
   *
   * @param version the sparsecode version
   * @param gitCommit the commit
   * @param java the Java runtime version
   * @param os the operating system
   * @param arch the CPU architecture
   * @param threads worker threads
   * @param startedAt when the run started
   * @param finishedAt when it finished, or {@code null}
   * @param precision {@code float32} or {@code float64}
   * @param imagesSha256 the images' identity, or {@code null}
   * @param fft the FFT engine, or {@code null}
   */
  public Provenance(String version, String gitCommit, String java, String os, String arch, int threads,
      String startedAt, String finishedAt, String precision, String imagesSha256, String fft) {
    this(version, gitCommit, java, os, arch, threads, startedAt, finishedAt, precision, imagesSha256, fft, null);
  }

  /**
   * A provenance without the FFT engine (results written before the choice existed).
   *
   * @param version the sparsecode version
   * @param gitCommit the commit
   * @param java the Java runtime version
   * @param os the operating system
   * @param arch the CPU architecture
   * @param threads worker threads
   * @param startedAt when the run started
   * @param finishedAt when it finished, or {@code null}
   * @param precision {@code float32} or {@code float64}
   * @param imagesSha256 the images' identity, or {@code null}
   */
  public Provenance(String version, String gitCommit, String java, String os, String arch, int threads,
      String startedAt, String finishedAt, String precision, String imagesSha256) {
    this(version, gitCommit, java, os, arch, threads, startedAt, finishedAt, precision, imagesSha256, null);
  }

  /**
   * The same provenance, finished.
   *
   * @param instant ISO-8601 instant the run finished
   * @param imagesHash the images' SHA-256 (see {@link #imagesSha256()})
   * @return a copy with {@code finishedAt} and {@code imagesSha256} set
   */
  public Provenance finished(String instant, String imagesHash) {
    return new Provenance(version, gitCommit, java, os, arch, threads, startedAt, instant, precision, imagesHash,
        fft, device);
  }

  /**
   * The same provenance with the device the solver runs on.
   *
   * @param on the solver's {@code device()}, or null or empty for none
   * @return a copy with {@code device} set (null when empty)
   */
  public Provenance withDevice(Map<String, String> on) {
    return new Provenance(version, gitCommit, java, os, arch, threads, startedAt, finishedAt, precision,
        imagesSha256, fft, on == null || on.isEmpty() ? null : Collections.unmodifiableMap(new LinkedHashMap<>(on)));
  }
}
