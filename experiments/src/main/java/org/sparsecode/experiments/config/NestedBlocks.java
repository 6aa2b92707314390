package org.sparsecode.experiments.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginBlock;
import org.sparsecode.core.plugin.PluginBlocks;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.core.plugin.SettingsBinder;

/**
 * The plugin blocks inside a bound block: the {@link PluginBlock} components of its settings record, such as
 * the solver that codes a learner's images ({@code learning.solver}). Each is bound to its plugin when the file
 * is read, exactly as a top-level block is (the loader's own binding, handed in as a {@link Chooser}), so that a
 * misspelt key, a bad value or an unknown {@code type:} inside it reads {@code FILE:LINE:COLUMN:
 * learning.solver.maxIteration: ...} (or {@code --set learning.solver.maxIteration=5: ...}) and fails
 * {@code sparsecode validate}, rather than surfacing without a location when the learner is created. The blocks
 * inside a nested block are checked in turn, since the chooser checks every block it binds.
 *
 * <p>A block is looked at only after the enclosing record has accepted it (its compact constructor may require a
 * {@code type}, or refuse a block together with other keys); a block left out, or written without a value, is
 * the record's business. A name alone stands for {@code {type: NAME}} where the component allows it
 * ({@link PluginBlock#byName()}), a list is checked item by item ({@link PluginBlock#list()}, paths
 * {@code key[i]}), and the enclosing record's values named by {@link PluginBlock#inherit()} fill the keys a
 * block leaves out, as the plugin will fill them when it creates its instance.
 */
final class NestedBlocks {
  /** Binds one block at a path: the loader's binding of a top-level block, which reports located errors. */
  @FunctionalInterface
  interface Chooser {
    /**
     * Binds a block.
     *
     * @param at where errors are located
     * @param node the block, a map with its {@code type}
     * @param path its key path, {@code learning.solver}
     * @param role the role of its plugin
     * @return the plugin and its bound settings
     * @throws ConfigError on any problem inside the block
     */
    PluginChoice<?> choose(Locator at, Node node, String path, Class<?> role);
  }

  private NestedBlocks() {}

  /**
   * Binds every plugin block inside a block.
   *
   * @param at where errors are located
   * @param block the enclosing block as written (merged, overridden)
   * @param path the enclosing block's key path, {@code learning}
   * @param bound the enclosing block's bound settings
   * @param registry where the blocks' plugins are looked up
   * @param chooser binds one block
   * @return the nested blocks bound, in the order of the record's components (a list's items in order)
   * @throws ConfigError on the first problem inside a nested block
   */
  static List<PluginChoice<?>> check(Locator at, Node block, String path, Record bound, PluginRegistry registry,
      Chooser chooser) {
    List<PluginBlocks.Slot> slots = PluginBlocks.of(bound.getClass());
    List<PluginChoice<?>> out = new ArrayList<>();
    if (slots.isEmpty() || !block.isMap()) {
      return out;
    }
    Map<String, Object> enclosing = null;
    for (PluginBlocks.Slot slot : slots) {
      Node value = block.get(slot.key());
      if (value == null || value.isNull()) {
        continue;
      }
      if (enclosing == null && !slot.inherit().isEmpty()) {
        enclosing = SettingsBinder.toMap(bound);
      }
      String key = path + "." + slot.key();
      if (slot.list() && value.isList()) {
        for (int i = 0; i < value.items().size(); i++) {
          out.add(one(at, value.items().get(i), key + "[" + i + "]", slot, enclosing, registry, chooser));
        }
      } else {
        out.add(one(at, value, key, slot, enclosing, registry, chooser));
      }
    }
    return out;
  }

  private static PluginChoice<?> one(Locator at, Node node, String path, PluginBlocks.Slot slot,
      Map<String, Object> enclosing, PluginRegistry registry, Chooser chooser) {
    Node block = node;
    if (slot.byName() && node.isScalar() && node.scalar() instanceof String name) {
      try {
        registry.find(slot.role(), name);
      } catch (ConfigException e) {
        // the name is the value written at the path: point at it
        throw at.error(path, e.problem(), false);
      }
      block = Node.map(Map.of("type", node), node.origin());
    }
    if (!slot.inherit().isEmpty() && block.isMap()) {
      block = inherit(block, slot, enclosing, registry);
    }
    return chooser.choose(at, block, path, slot.role());
  }

  /** The block with the enclosing record's inherited values in the keys it leaves out and its plugin has. */
  private static Node inherit(Node block, PluginBlocks.Slot slot, Map<String, Object> enclosing,
      PluginRegistry registry) {
    Node type = block.get("type");
    if (type == null || !(type.scalar() instanceof String name)) {
      return block;
    }
    Plugin<?> plugin;
    try {
      plugin = registry.find(slot.role(), name);
    } catch (ConfigException e) {
      // the chooser reports the unknown type, located
      return block;
    }
    Map<String, Node> entries = new LinkedHashMap<>(block.entries());
    for (String key : slot.inherit()) {
      boolean takes = Arrays.stream(plugin.settings().getRecordComponents()).anyMatch(c -> c.getName().equals(key));
      if (takes && !entries.containsKey(key) && enclosing.get(key) != null) {
        entries.put(key, Node.scalar(enclosing.get(key), block.origin()));
      }
    }
    return block.withMap(entries);
  }
}
