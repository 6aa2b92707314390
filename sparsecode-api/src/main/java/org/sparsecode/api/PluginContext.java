package org.sparsecode.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The services a run shares with every plugin it creates.
 *
 * @param seed the run's top-level seed; stochastic plugins derive their stream from it (and their own
 *     {@code seed} setting when they have one)
 * @param precision the arithmetic of numerical stages (kernels are always generated in float64)
 * @param threads the number of worker threads a plugin may use, at least 1
 * @param baseDirectory the directory relative paths in the configuration are resolved against (the YAML
 *     file's directory)
 */
public record PluginContext(long seed, Precision precision, int threads, Path baseDirectory) {

  /**
   * Validates the context.
   *
   * @throws ConfigException if {@code threads} is below 1 or a component is null
   */
  public PluginContext {
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(baseDirectory, "baseDirectory");
    Checks.atLeast("threads", threads, 1);
  }

  /**
   * A context for tests and library use: seed 0, float64, the available processors, the working
   * directory.
   *
   * @param precision the arithmetic to use
   * @return a default context
   */
  public static PluginContext defaults(Precision precision) {
    return new PluginContext(0L, precision, Runtime.getRuntime().availableProcessors(), Path.of(""));
  }

  /**
   * Resolves a path from the configuration against {@link #baseDirectory()}.
   *
   * @param path as written in the configuration
   * @return the path itself when absolute, else resolved against the base directory
   */
  public Path resolve(String path) {
    Path p = Path.of(path);
    return p.isAbsolute() ? p : baseDirectory.resolve(p).normalize();
  }
}
