package org.sparsecode.experiments.config;

import java.util.List;

/**
 * Turns a problem at a key path of a (merged, overridden) tree into a located {@link ConfigError}
 * reading {@code FILE:LINE:COLUMN: key.path: problem}: finds the deepest node on the path and reports
 * its origin. A node that came from a variant is named by the variant's path
 * ({@code variants.full.dictionary.preset}); one that came from an override is reported against the
 * override ({@code --set key.path=value: problem}). When the tree is one variant's, a problem that does not
 * come from the variant's own overrides ends with {@code (in variant 'name')}.
 *
 * @param file the file as the messages name it
 * @param root the tree the paths are looked up in
 * @param variant the variant the tree is, or {@code null}
 */
record Locator(String file, Node root, String variant) {

  /**
   * The error for a problem at a path.
   *
   * @param path the key path, as {@link KeyPath#written} reads it; "" for the whole file
   * @param problem what is wrong and what to do
   * @param atKey point at the key rather than at its value (unknown keys, missing values)
   * @return the located error
   */
  ConfigError error(String path, String problem, boolean atKey) {
    Found f = find(path);
    String inVariant = variant == null || f.node.source().startsWith("variants.") ? ""
        : " (in variant '" + variant + "')";
    if (f.node.override() != null) {
      // the path is left out when it is the one the override names
      String what = f.node.override().text().startsWith(f.shown + "=") ? problem : f.shown + ": " + problem;
      return new ConfigError(f.node.override().label() + ": " + what + inVariant);
    }
    return new ConfigError(location(f, atKey) + (f.shown.isEmpty() ? "" : f.shown + ": ") + problem + inVariant);
  }

  /** {@code FILE:LINE:COLUMN: key.path} of a path of the tree, for messages about it. */
  String where(String path, boolean atKey) {
    Found f = find(path);
    return location(f, atKey) + f.shown;
  }

  private String location(Found f, boolean atKey) {
    Node node = f.node;
    // a key written without a value ("lambda:") has no value to point at: point at its key
    boolean useKey = node.keyLine() > 0 && (f.rest || atKey || !node.isScalar() || node.isNull());
    int line = useKey ? node.keyLine() : node.valueLine();
    int column = useKey ? node.keyColumn() : node.valueColumn();
    if (line <= 0) {
      line = 1;
      column = 1;
    }
    return file + ":" + line + ":" + column + ": ";
  }

  private record Found(Node node, String shown, boolean rest) {}

  /** The deepest node on a path and the path as its source wrote it. */
  private Found find(String path) {
    KeyPath keys = KeyPath.written(path);
    List<Node> trail = keys.trail(root);
    Node node = trail.get(trail.size() - 1);
    KeyPath rest = keys.subPath(trail.size() - 1, keys.size());
    return new Found(node, rest.after(node.source()), rest.size() > 0);
  }
}
