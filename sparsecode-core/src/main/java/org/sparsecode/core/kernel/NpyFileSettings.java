package org.sparsecode.core.kernel;

import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;

/**
 * Settings of the {@code npy-file} kernel generator ({@link NpyFilePlugin}).
 *
 * @param path a {@code .npy} file holding a {@code (k, k, K)} array (SPORCO's layout, kernel index last),
 *     absolute or relative to the configuration file's directory; required
 */
public record NpyFileSettings(String path) {

  /**
   * Validates.
   *
   * @throws ConfigException on key {@code path} when it is missing or blank
   */
  public NpyFileSettings {
    Checks.required("path", path);
    if (path.isBlank()) {
      throw new ConfigException("path", "must name a .npy file, got an empty string");
    }
  }
}
