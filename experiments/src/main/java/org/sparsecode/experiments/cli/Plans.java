package org.sparsecode.experiments.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.experiments.config.ConfigError;
import org.sparsecode.experiments.config.ConfigLoader;
import org.sparsecode.experiments.config.ExperimentPlan;

/** Loading an experiment file for a command. */
final class Plans {
  private Plans() {}

  /**
   * Loads and validates a file and its overrides.
   *
   * @param file the YAML file as given on the command line
   * @param overrides {@code --set} values
   * @return the plan
   * @throws ConfigError when the file is missing or invalid
   */
  static ExperimentPlan load(Path file, List<String> overrides) {
    if (!Files.exists(file)) {
      throw new ConfigError(file + ": no such file");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new ConfigError(file + ": not a readable file");
    }
    return new ConfigLoader(PluginRegistry.load()).load(file, overrides == null ? List.of() : overrides);
  }
}
