package org.sparsecode.experiments.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A loaded experiment file: one {@link ExperimentConfig} per variant (a single one, with a {@code null}
 * variant name, when the file has no {@code variants:}). Every variant is validated before any runs.
 *
 * @param file the YAML file
 * @param name the experiment's name
 * @param experiments the resolved experiments, in the file's variant order
 */
public record ExperimentPlan(Path file, String name, List<ExperimentConfig> experiments) {

  /**
   * Whether the file declares variants.
   *
   * @return {@code true} when the experiments carry variant names
   */
  public boolean hasVariants() {
    return experiments.size() > 1 || (experiments.size() == 1 && experiments.get(0).variant() != null);
  }
}
