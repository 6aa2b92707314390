package org.sparsecode.experiments.results;

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
 */
public record Provenance(String version, String gitCommit, String java, String os, String arch, int threads,
    String startedAt, String finishedAt, String precision, String imagesSha256, String fft) {

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
        fft);
  }
}
