package org.sparsecode.core.plugin;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginBlock;
import org.sparsecode.api.PluginContext;

/**
 * The plugin blocks inside a settings record (its {@link PluginBlock} components), and the binding of one such
 * block to its plugin: what a configuration loader checks when the file is read, and what the enclosing plugin
 * does when it creates its instance.
 */
public final class PluginBlocks {
  private PluginBlocks() {}

  /**
   * A component of a settings record that is a plugin block.
   *
   * @param key the component's name, the block's key inside the enclosing block
   * @param role the role of the plugin the block names
   * @param byName whether a plugin's name alone is a block ({@link PluginBlock#byName()})
   * @param list whether a list of blocks is accepted ({@link PluginBlock#list()})
   * @param inherit the enclosing record's components that the block takes when it leaves them out
   */
  public record Slot(String key, Class<?> role, boolean byName, boolean list, List<String> inherit) {
    /** Validates and copies. */
    public Slot {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(role, "role");
      inherit = List.copyOf(inherit);
    }
  }

  /**
   * A block bound to its plugin.
   *
   * @param plugin the plugin the block's {@code type} names
   * @param settings its settings, an instance of {@code plugin.settings()}
   * @param <T> the role
   */
  public record Bound<T>(Plugin<T> plugin, Record settings) {
    /** Validates. */
    public Bound {
      Objects.requireNonNull(plugin, "plugin");
      Objects.requireNonNull(settings, "settings");
    }

    /**
     * Creates the configured instance.
     *
     * @param context the run's services
     * @return the instance
     */
    public T create(PluginContext context) {
      return plugin.create(settings, context);
    }
  }

  /**
   * The plugin blocks of a settings record, in declaration order.
   *
   * @param settings the record class
   * @return its {@link PluginBlock} components; empty for most records
   * @throws IllegalArgumentException when an annotated component cannot hold a block: a block is a
   *     {@code Map}, or an {@code Object} (or a {@code List} with {@link PluginBlock#list()}) when it may take
   *     another form; or when {@link PluginBlock#inherit()} names no component of the record
   */
  public static List<Slot> of(Class<? extends Record> settings) {
    List<Slot> out = new ArrayList<>();
    RecordComponent[] components = settings.getRecordComponents();
    for (RecordComponent c : components) {
      PluginBlock block = c.getAnnotation(PluginBlock.class);
      if (block == null) {
        continue;
      }
      Class<?> type = c.getType();
      boolean holds = Map.class.isAssignableFrom(type) || type == Object.class
          || (block.list() && List.class.isAssignableFrom(type));
      if (!holds) {
        throw new IllegalArgumentException(settings.getName() + "." + c.getName() + " is a @PluginBlock of type "
            + type.getSimpleName() + "; a block is a Map<String, Object> (an Object when it may be a name or a"
            + " list)");
      }
      for (String name : block.inherit()) {
        if (java.util.Arrays.stream(components).noneMatch(o -> o.getName().equals(name))) {
          throw new IllegalArgumentException(settings.getName() + "." + c.getName() + " inherits '" + name
              + "', which is no component of " + settings.getSimpleName());
        }
      }
      out.add(new Slot(c.getName(), block.value(), block.byName(), block.list(), List.of(block.inherit())));
    }
    return out;
  }

  /**
   * Binds one block: finds the plugin its {@code type} names and binds the rest of the block to that
   * plugin's settings.
   *
   * @param role the role of the plugin
   * @param block the block with its {@code type}
   * @param key the block's key, which prefixes every error's key ({@code solver.type}, {@code solver.lambda})
   * @param registry where to find the plugin
   * @param <T> the role
   * @return the plugin and its validated settings
   * @throws ConfigException on {@code key.type} for a missing or unknown type (listing the available names),
   *     {@code key.<setting>} for a bad setting ({@link SettingsBinder.UnknownKeyException} for an unknown key)
   */
  public static <T> Bound<T> bind(Class<T> role, Map<String, ?> block, String key, PluginRegistry registry) {
    Objects.requireNonNull(block, "block");
    Object type = block.get("type");
    String kind = PluginRegistry.roleName(role);
    if (!(type instanceof String name) || name.isBlank()) {
      throw new ConfigException(key + ".type", (type == null ? "is required" : "expected a " + kind + " name, got '"
          + type + "'") + ": it names the " + kind + " plugin of the block; available: " + String.join(", ",
          registry.ofRole(role).stream().map(Plugin::name).toList()));
    }
    Map<String, Object> values = new LinkedHashMap<>(block);
    values.remove("type");
    try {
      Plugin<T> plugin = registry.find(role, name);
      return new Bound<>(plugin, SettingsBinder.bind(plugin.settings(), values));
    } catch (SettingsBinder.UnknownKeyException e) {
      throw new SettingsBinder.UnknownKeyException(join(key, e.key()), e.problem());
    } catch (ConfigException e) {
      throw new ConfigException(join(key, e.key()), e.problem());
    }
  }

  /**
   * Binds one block and creates its instance: {@code bind(role, block, key, registry).create(context)}, with
   * the instance's own creation errors prefixed too.
   *
   * @param role the role of the plugin
   * @param block the block with its {@code type}
   * @param key the block's key, which prefixes every error's key
   * @param registry where to find the plugin
   * @param context the run's services
   * @param <T> the role
   * @return the instance
   * @throws ConfigException as {@link #bind}, or from the plugin's {@code create}, its key prefixed
   */
  public static <T> T create(Class<T> role, Map<String, ?> block, String key, PluginRegistry registry,
      PluginContext context) {
    Bound<T> bound = bind(role, block, key, registry);
    try {
      return bound.create(context);
    } catch (SettingsBinder.UnknownKeyException e) {
      throw new SettingsBinder.UnknownKeyException(join(key, e.key()), e.problem());
    } catch (ConfigException e) {
      throw new ConfigException(join(key, e.key()), e.problem());
    }
  }

  private static String join(String key, String inner) {
    if (inner.isEmpty()) {
      return key;
    }
    return inner.startsWith("[") ? key + inner : key + "." + inner;
  }
}
