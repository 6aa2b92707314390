package org.sparsecode.core.kernel;

/** Helpers shared by the kernel plugins. */
final class Kernels {
  private Kernels() {}

  /**
   * Checks and casts a plugin's settings.
   *
   * @param settings the record handed to {@code create}
   * @param type the plugin's settings class
   * @param plugin the plugin's name, for the message
   * @param <R> the settings type
   * @return the cast record
   * @throws IllegalArgumentException when the record has another type
   */
  static <R extends Record> R cast(Record settings, Class<R> type, String plugin) {
    if (!type.isInstance(settings)) {
      throw new IllegalArgumentException(plugin + " expects " + type.getSimpleName() + " settings, got "
          + (settings == null ? "null" : settings.getClass().getName()));
    }
    return type.cast(settings);
  }
}
