package org.sparsecode.experiments.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@code results.json} holds for one run, with the parameters that produced it: written by
 * {@link ResultsJson#toTree}, read back by {@link ResultsJson#read(java.nio.file.Path)}, which every report and
 * comparison uses.
 *
 * @param experiment the experiment's name
 * @param variant the variant's name, or {@code null} for a file without variants
 * @param seed the top-level seed
 * @param configSha256 SHA-256 of the canonical JSON of the resolved configuration
 * @param provenance versions, platform and timestamps
 * @param dictionary {@code type}, {@code kernels}, {@code size} of the dictionary used for coding
 * @param solver the solver's {@code type}, {@code lambda} and other resolved settings; empty without solver
 * @param learning the learning block and its per-step {@code objective}, or {@code null} when none ran
 * @param images one entry per coded image, in the source's order
 * @param summary column name to its statistics over the images, in column order
 * @param status {@code running} while images are being coded, {@code complete} at the end
 * @param stages wall-clock seconds of each stage of the run so far, in order ({@code dictionary},
 *     {@code learning}, {@code refit}, {@code coding}: coding and measuring the images this process coded)
 * @param cell for a cell of a sweep, its readable {@code name} and its axis {@code values} by key path; {@code
 *     null} otherwise
 */
public record RunResult(String experiment, String variant, long seed, String configSha256, Provenance provenance,
    Map<String, Object> dictionary, Map<String, Object> solver, Map<String, Object> learning,
    List<ImageResult> images, Map<String, Summary> summary, String status, Map<String, Double> stages,
    Map<String, Object> cell) {

  /** The status of a finished run. */
  public static final String COMPLETE = "complete";
  /** The status of a run in progress (or killed). */
  public static final String RUNNING = "running";

  /** Validates and copies. */
  public RunResult {
    Objects.requireNonNull(experiment, "experiment");
    Objects.requireNonNull(configSha256, "configSha256");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(status, "status");
    dictionary = Collections.unmodifiableMap(new LinkedHashMap<>(dictionary));
    solver = Collections.unmodifiableMap(new LinkedHashMap<>(solver));
    learning = learning == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(learning));
    images = List.copyOf(images);
    summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    stages = stages == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(stages));
    cell = cell == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(cell));
  }

  /**
   * A result that is not a sweep's cell.
   *
   * @param experiment the experiment's name
   * @param variant the variant's name, or {@code null}
   * @param seed the top-level seed
   * @param configSha256 SHA-256 of the resolved configuration
   * @param provenance versions, platform and timestamps
   * @param dictionary the dictionary block
   * @param solver the solver block
   * @param learning the learning block, or {@code null}
   * @param images one entry per coded image
   * @param summary statistics per column
   * @param status {@code running} or {@code complete}
   * @param stages seconds per stage
   */
  public RunResult(String experiment, String variant, long seed, String configSha256, Provenance provenance,
      Map<String, Object> dictionary, Map<String, Object> solver, Map<String, Object> learning,
      List<ImageResult> images, Map<String, Summary> summary, String status, Map<String, Double> stages) {
    this(experiment, variant, seed, configSha256, provenance, dictionary, solver, learning, images, summary, status,
        stages, null);
  }

  /**
   * A result without stage timings.
   *
   * @param experiment the experiment's name
   * @param variant the variant's name, or {@code null}
   * @param seed the top-level seed
   * @param configSha256 SHA-256 of the resolved configuration
   * @param provenance versions, platform and timestamps
   * @param dictionary the dictionary block
   * @param solver the solver block
   * @param learning the learning block, or {@code null}
   * @param images one entry per coded image
   * @param summary statistics per column
   * @param status {@code running} or {@code complete}
   */
  public RunResult(String experiment, String variant, long seed, String configSha256, Provenance provenance,
      Map<String, Object> dictionary, Map<String, Object> solver, Map<String, Object> learning,
      List<ImageResult> images, Map<String, Summary> summary, String status) {
    this(experiment, variant, seed, configSha256, provenance, dictionary, solver, learning, images, summary, status,
        Map.of());
  }
}
