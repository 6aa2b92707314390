package org.sparsecode.core.plugin;

import java.util.Map;

/**
 * Binds a configuration tree (maps, lists, strings, numbers, booleans, as parsed from YAML) to a plugin's
 * settings record, and turns a record back into such a tree.
 *
 * <p>CONTRACT (being implemented): unknown keys, wrong types and compact-constructor failures are
 * {@link org.sparsecode.api.ConfigException}s whose key is the path inside the block (e.g.
 * {@code autoRho.period}); components of type {@code Object} receive the raw tree value.
 */
public final class SettingsBinder {
  private SettingsBinder() {}

  /**
   * Binds a block (without its {@code type} key) to a settings record.
   *
   * @param type the record class
   * @param values the block's keys and values
   * @param <R> the record type
   * @return the validated record, defaults filled in
   */
  public static <R extends Record> R bind(Class<R> type, Map<String, ?> values) {
    throw new UnsupportedOperationException("SettingsBinder.bind is being implemented");
  }

  /**
   * The record as a tree, components in declaration order ({@code null} components omitted).
   *
   * @param settings the record
   * @return a map of component names to plain values (nested records become maps)
   */
  public static Map<String, Object> toMap(Record settings) {
    throw new UnsupportedOperationException("SettingsBinder.toMap is being implemented");
  }
}
