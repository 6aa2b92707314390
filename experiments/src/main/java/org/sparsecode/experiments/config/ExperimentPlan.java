package org.sparsecode.experiments.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded experiment file: one {@link ExperimentConfig} per variant (a single one, with a {@code null}
 * variant name, when the file has no {@code variants:}), and the {@code parts:} it includes, each another
 * experiment file loaded as its own plan and run into {@code DIR/<part>/} (the paper's study includes its
 * "part one" this way). Every variant of every part is validated before any runs.
 *
 * @param file the YAML file
 * @param name the experiment's name
 * @param experiments the resolved experiments, in the file's variant order
 * @param parts the included plans by part name, in the file's order (empty when none)
 */
public record ExperimentPlan(Path file, String name, List<ExperimentConfig> experiments,
    Map<String, ExperimentPlan> parts) {

  /**
   * Copies the lists.
   *
   * @param file the YAML file
   * @param name the experiment's name
   * @param experiments the resolved experiments, in the file's variant order
   * @param parts the included plans by part name, in the file's order
   */
  public ExperimentPlan {
    experiments = List.copyOf(experiments);
    parts = parts == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parts));
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
    return experiments.size() > 1 || (experiments.size() == 1 && experiments.get(0).variant() != null);
  }
}
