package org.sparsecode.experiments.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded experiment file: one {@link ExperimentConfig} per variant (a single one, with a {@code null}
 * variant name, when the file has no {@code variants:}), and the {@code parts:} it includes, each another
 * experiment file loaded as its own plan and run into {@code DIR/<part>/} (the paper's study includes its
 * "part one" this way). Every variant of every part is validated before any runs.
 *
 * <p>A file with a {@code sweep:} block has one experiment per cell instead (variants × cells, in the order
 * of {@link Sweep#cells()}), and {@link #sweep()} describes them.
 *
 * @param file the YAML file
 * @param name the experiment's name
 * @param experiments the resolved experiments, in the file's variant order (for a sweep, its cells')
 * @param parts the included plans by part name, in the file's order (empty when none)
 * @param sweep the cells of the file's {@code sweep:} block, empty when it has none
 */
public record ExperimentPlan(Path file, String name, List<ExperimentConfig> experiments,
    Map<String, ExperimentPlan> parts, Optional<Sweep> sweep) {

  /**
   * Copies the lists.
   *
   * @param file the YAML file
   * @param name the experiment's name
   * @param experiments the resolved experiments
   * @param parts the included plans by part name, in the file's order
   * @param sweep the sweep, or empty
   */
  public ExperimentPlan {
    experiments = List.copyOf(experiments);
    parts = parts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    sweep = sweep == null ? Optional.empty() : sweep;
  }

  /**
   * A plan without a sweep.
   *
   * @param file the YAML file
   * @param name the experiment's name
   * @param experiments the resolved experiments, in the file's variant order
   * @param parts the included plans by part name, in the file's order
   */
  public ExperimentPlan(Path file, String name, List<ExperimentConfig> experiments,
      Map<String, ExperimentPlan> parts) {
    this(file, name, experiments, parts, Optional.empty());
  }

  /**
   * A plan without parts.
   *
   * @param file the YAML file
   * @param name the experiment's name
   * @param experiments the resolved experiments, in the file's variant order
   */
  public ExperimentPlan(Path file, String name, List<ExperimentConfig> experiments) {
    this(file, name, experiments, Map.of());
  }

  /**
   * Whether the file declares variants.
   *
   * @return {@code true} when the experiments carry variant names
   */
  public boolean hasVariants() {
    if (sweep.isPresent()) {
      return experiments.stream().anyMatch(e -> e.variant() != null);
    }
    return experiments.size() > 1 || (experiments.size() == 1 && experiments.get(0).variant() != null);
  }
}
