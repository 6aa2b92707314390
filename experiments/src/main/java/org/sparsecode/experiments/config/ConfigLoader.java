package org.sparsecode.experiments.config;

import java.nio.file.Path;
import java.util.List;
import org.sparsecode.core.plugin.PluginRegistry;

/**
 * Loads an experiment YAML file into an {@link ExperimentPlan}.
 *
 * <p>CONTRACT (being implemented): errors are {@link ConfigError}s whose message reads
 * {@code FILE:LINE:COLUMN: key.path: problem} ({@code --set key.path=value: problem} for overrides).
 */
public final class ConfigLoader {
  private final PluginRegistry registry;

  /**
   * Creates a loader.
   *
   * @param registry where {@code type:} names are looked up
   */
  public ConfigLoader(PluginRegistry registry) {
    this.registry = registry;
  }

  /**
   * Loads, applies overrides, expands variants and validates every variant.
   *
   * @param file the YAML file
   * @param overrides {@code key.path=value} strings (values parsed as YAML), applied to every variant
   * @return the plan
   * @throws ConfigError on any problem, naming file:line:column and the key path
   */
  public ExperimentPlan load(Path file, List<String> overrides) {
    throw new UnsupportedOperationException("ConfigLoader is being implemented " + registry);
  }
}
