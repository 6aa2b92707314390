package org.sparsecode.experiments.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.data.LabelledData;
import org.sparsecode.core.plugin.SettingsBinder;

/**
 * The {@code network:} and {@code training:} blocks of an experiment that trains a classifier on a labelled
 * set: both need a {@code data:} block, {@code training:} needs {@code network:}, and both are bound and
 * validated here, so that {@code validate} reports their errors at file:line:column even where the downstream
 * module (which trains) is not on the class path.
 */
final class Networks {
  private Networks() {}

  /**
   * The two blocks, bound.
   *
   * @param network the network
   * @param training its training
   */
  record Blocks(NetworkSettings network, TrainingSettings training) {}

  /**
   * Checks and binds one experiment's blocks.
   *
   * @param at where errors are reported
   * @param tree the experiment's tree
   * @param data its {@code data:} block, or {@code null}
   * @return the blocks, or {@code null} without {@code network:}
   */
  static Blocks check(Locator at, Node tree, PluginChoice<LabelledData> data) {
    Node network = tree.get("network");
    Node training = tree.get("training");
    if (network == null) {
      if (training != null) {
        throw at.error("training", "needs a network: block (the network it trains); add e.g. network: { input:"
            + " codes }, or remove training:", true);
      }
      return null;
    }
    if (data == null) {
      throw at.error("network", "needs a data: block (the labelled set the network learns); add e.g. data: {"
          + " type: fashion-mnist, train: 1000, test: 500 }", true);
    }
    return new Blocks(bind(at, "network", network, NetworkSettings.class, "network: { input: codes, ceil: 4 }"),
        training == null ? TrainingSettings.defaults() : bind(at, "training", training, TrainingSettings.class,
        "training: { epochs: 10, batch: 64 }"));
  }

  private static <R extends Record> R bind(Locator at, String name, Node node, Class<R> type, String example) {
    if (!node.isMap()) {
      throw at.error(name, "expected a block such as " + example + ", got " + node.describe(), false);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    node.entries().forEach((k, v) -> values.put(k, v.plain()));
    try {
      return SettingsBinder.bind(type, values);
    } catch (ConfigException e) {
      String key = e.key().isEmpty() ? name : name + "." + e.key();
      throw at.error(key, e.problem(), e instanceof SettingsBinder.UnknownKeyException);
    }
  }

  /** Binds a block of a resolved configuration (valid: it was bound when the file was loaded). */
  @SuppressWarnings("unchecked")
  static <R extends Record> R bind(Class<R> type, Object resolved) {
    return SettingsBinder.bind(type, (Map<String, ?>) resolved);
  }
}
