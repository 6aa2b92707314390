package org.sparsecode.experiments.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.data.LabelledData;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.core.plugin.SettingsBinder;

/**
 * The rules of an experiment that encodes a labelled set ({@code data:}): it has no {@code images:} (its images
 * are the data set's), no {@code learning:} and no {@code metrics:} (every code is measured by its PSNR and
 * sparseness), its {@code encoding:} block is bound here, and a file's variants encode all or none, without a
 * sweep or parts.
 */
final class Encodings {
  private Encodings() {}

  /**
   * Checks one experiment's blocks and binds its {@code encoding:} block.
   *
   * @param at where errors are reported
   * @param tree the experiment's tree
   * @param data its {@code data:} block, or {@code null}
   * @param images its {@code images:} block, or {@code null}
   * @return the encoding settings, defaults filled in; {@code null} without {@code data:}
   */
  static EncodingSettings check(Locator at, Node tree, PluginChoice<LabelledData> data,
      PluginChoice<ImageSource> images) {
    Node node = tree.get("encoding");
    if (data == null) {
      if (node != null) {
        throw at.error("encoding", "needs a data: block (it says how the codes of a labelled set are stored);"
            + " remove it, or add e.g. data: { type: fashion-mnist, train: 600, test: 300 }", true);
      }
      return null;
    }
    if (images != null) {
      throw at.error("data", "an experiment codes images: or encodes a labelled set (data:), not both: remove"
          + " images: to encode the data set, or data: to code the images", true);
    }
    if (tree.get("learning") != null) {
      throw at.error("learning", "an experiment that encodes data: codes with its dictionary: as it is; learn the"
          + " dictionary in an experiment of its own and give its file here (dictionary: { type: npy-file, path:"
          + " .../dictionary.npy })", true);
    }
    if (tree.get("metrics") != null) {
      throw at.error("metrics", "an experiment that encodes data: measures the PSNR and sparseness of every code"
          + " and nothing else: remove metrics:", true);
    }
    if (node == null) {
      return EncodingSettings.defaults();
    }
    if (!node.isMap()) {
      throw at.error("encoding", "expected a block such as encoding: { store: { size: 28, dtype: float16 },"
          + " shard: 256 }, got " + node.describe(), false);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    node.entries().forEach((k, v) -> values.put(k, v.plain()));
    try {
      return SettingsBinder.bind(EncodingSettings.class, values);
    } catch (ConfigException e) {
      String key = e.key().isEmpty() ? "encoding" : "encoding." + e.key();
      throw at.error(key, e.problem(), e instanceof SettingsBinder.UnknownKeyException);
    }
  }

  /**
   * Checks a file's experiments: those that encode are all of them, in a file without a sweep or parts.
   *
   * @param top where the file's errors are reported
   * @param experiments the file's experiments (variants, or cells)
   * @param sweep the {@code sweep:} node, or {@code null}
   * @param parts the {@code parts:} node, or {@code null}
   */
  static void checkPlan(Locator top, List<ExperimentConfig> experiments, Node sweep, Node parts) {
    long encoding = experiments.stream().filter(ExperimentConfig::encodes).count();
    if (encoding == 0) {
      return;
    }
    if (encoding < experiments.size()) {
      throw top.error("variants", "some variants encode a labelled set (data:) and others code images: every"
          + " variant of a file must do the same; put them in two files", false);
    }
    if (sweep != null) {
      throw top.error("sweep", "a sweep of an experiment that encodes data: is not supported; write its cells as"
          + " variants", true);
    }
    if (parts != null) {
      throw top.error("parts", "an experiment that encodes data: cannot have parts; run them from their own files",
          true);
    }
  }
}
