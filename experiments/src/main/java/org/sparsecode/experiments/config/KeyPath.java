package org.sparsecode.experiments.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key path into an experiment's configuration tree: keys separated by dots, list items as
 * {@code [index]} numbered from 0 ({@code solver.lambda}, {@code metrics[1].type}, {@code parts.p.set[0]}).
 * It is the language of {@code --set key.path=value}, of a part's {@code set:} items and of the error
 * messages that name a place in a file.
 *
 * <p>A key is written with letters, digits, {@code _} and {@code -}; there is no quoting (no setting needs
 * it), so a path never holds a dot or a bracket inside a key. An index holds at most nine digits. The text of
 * a path, {@link #toString()}, is canonical ({@code metrics[01]} reads back as {@code metrics[1]}) and parses
 * back to an equal path, so a path can name a sweep's axis or a column. Immutable; equal paths have equal
 * hash codes.
 */
public final class KeyPath {
  private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_-]+)((?:\\[\\d+])*)");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");
  /** The most digits an index may have, so that it fits an {@code int}. */
  private static final int MAX_INDEX_DIGITS = 9;

  private static final KeyPath ROOT = new KeyPath(List.of());

  /** Keys ({@link String}) and list indexes ({@link Integer}), outermost first. */
  private final List<Object> segments;

  private KeyPath(List<Object> segments) {
    this.segments = List.copyOf(segments);
  }

  /**
   * Parses a key path as {@code --set} takes it.
   *
   * @param text {@code solver.lambda}, {@code metrics[1].type}; surrounding blanks are not allowed
   * @return the path
   * @throws ConfigError when the text is empty, is not a key path, or holds an index of ten digits or more;
   *     the message is the problem alone (the caller says where the path was written)
   */
  public static KeyPath parse(String text) {
    if (text.isEmpty()) {
      throw new ConfigError("the key path is empty; write keys separated by dots and list items as [index], e.g."
          + " solver.lambda or metrics[1].type");
    }
    List<Object> segments = new ArrayList<>();
    for (String part : text.split("\\.", -1)) {
      Matcher m = SEGMENT.matcher(part);
      if (!m.matches()) {
        throw new ConfigError("'" + text + "' is not a key path; write keys separated by dots and list items as"
            + " [index], e.g. solver.autoRho.period or metrics[1].type");
      }
      segments.add(m.group(1));
      Matcher idx = INDEX.matcher(m.group(2));
      while (idx.find()) {
        if (idx.group(1).length() > MAX_INDEX_DIGITS) {
          throw new ConfigError("the index [" + idx.group(1) + "] is too large; a list holds a few items,"
              + " numbered from 0");
        }
        segments.add(Integer.parseInt(idx.group(1)));
      }
    }
    return new KeyPath(segments);
  }

  /**
   * The path a node's source or a settings record wrote ({@link Node#source()}, a binder's key), read
   * leniently: a YAML key may hold any text, so nothing is rejected, and an index too large for an
   * {@code int} stays a key. The empty text is the root.
   */
  static KeyPath written(String text) {
    List<Object> out = new ArrayList<>();
    if (text.isEmpty()) {
      return ROOT;
    }
    for (String part : text.split("\\.")) {
      int bracket = part.indexOf('[');
      out.add(bracket < 0 ? part : part.substring(0, bracket));
      if (bracket >= 0) {
        Matcher idx = INDEX.matcher(part.substring(bracket));
        while (idx.find()) {
          // a key that merely looks like an index (a YAML key may hold any text) stays a key
          out.add(idx.group(1).length() <= MAX_INDEX_DIGITS ? (Object) Integer.parseInt(idx.group(1))
              : idx.group());
        }
      }
    }
    return new KeyPath(out);
  }

  /**
   * The empty path: the root of a tree.
   *
   * @return the path with no segments
   */
  public static KeyPath root() {
    return ROOT;
  }

  /**
   * This path followed by a key.
   *
   * @param key a key of the map this path names
   * @return the longer path
   */
  public KeyPath child(String key) {
    List<Object> out = new ArrayList<>(segments);
    out.add(key);
    return new KeyPath(out);
  }

  /**
   * This path followed by a list index.
   *
   * @param index an item of the list this path names, from 0
   * @return the longer path
   */
  public KeyPath child(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("a list index is >= 0, got " + index);
    }
    List<Object> out = new ArrayList<>(segments);
    out.add(index);
    return new KeyPath(out);
  }

  /**
   * How many keys and indexes the path has.
   *
   * @return 0 for the root
   */
  public int size() {
    return segments.size();
  }

  /**
   * Whether a segment is a list index.
   *
   * @param i the segment, from 0
   * @return {@code true} for an index, {@code false} for a key
   */
  public boolean isIndex(int i) {
    return segments.get(i) instanceof Integer;
  }

  /**
   * A key of the path.
   *
   * @param i the segment, from 0
   * @return the key
   * @throws IllegalArgumentException when the segment is an index
   */
  public String key(int i) {
    if (!(segments.get(i) instanceof String key)) {
      throw new IllegalArgumentException("segment " + i + " of " + this + " is an index, not a key");
    }
    return key;
  }

  /**
   * An index of the path.
   *
   * @param i the segment, from 0
   * @return the index
   * @throws IllegalArgumentException when the segment is a key
   */
  public int index(int i) {
    if (!(segments.get(i) instanceof Integer index)) {
      throw new IllegalArgumentException("segment " + i + " of " + this + " is a key, not an index");
    }
    return index;
  }

  /**
   * The segments from {@code from} (inclusive) to {@code to} (exclusive).
   *
   * @param from the first segment kept
   * @param to one past the last segment kept
   * @return the part of the path
   */
  public KeyPath subPath(int from, int to) {
    return new KeyPath(segments.subList(from, to));
  }

  /**
   * The first {@code n} segments: {@code solver} of {@code solver.lambda} for 1.
   *
   * @param n how many segments to keep
   * @return the prefix
   */
  public KeyPath prefix(int n) {
    return subPath(0, n);
  }

  /**
   * This path written after another path's text: {@code variants.thin} and {@code solver.lambda} give
   * {@code variants.thin.solver.lambda}, {@code metrics} and {@code [1].type} give {@code metrics[1].type}.
   *
   * @param parent the text of the enclosing path, empty for the root
   * @return the joined text
   */
  public String after(String parent) {
    if (parent.isEmpty()) {
      return toString();
    }
    if (segments.isEmpty()) {
      return parent;
    }
    return parent + (isIndex(0) ? "" : ".") + this;
  }

  /**
   * The nodes along this path in a tree, as far as the path exists: the root first, then one node per
   * segment found. The path exists in the tree when the list has {@code size() + 1} nodes.
   */
  List<Node> trail(Node root) {
    List<Node> out = new ArrayList<>();
    Node node = root;
    out.add(node);
    for (Object seg : segments) {
      Node next = null;
      if (seg instanceof String key && node.isMap()) {
        next = node.get(key);
      } else if (seg instanceof Integer index && node.isList() && index < node.items().size()) {
        next = node.items().get(index);
      }
      if (next == null) {
        break;
      }
      node = next;
      out.add(node);
    }
    return out;
  }

  /** The node at this path in a tree, or {@code null} when the path does not exist there. */
  Node get(Node root) {
    List<Node> trail = trail(root);
    return trail.size() == segments.size() + 1 ? trail.get(trail.size() - 1) : null;
  }

  /** Whether the path exists in a tree (a key written without a value exists, holding null). */
  boolean contains(Node root) {
    return get(root) != null;
  }

  /**
   * The tree with the value at this path replaced (a map is not merged). The parent must exist, except a
   * nested map, which is created empty (a settings block the file leaves to its defaults).
   *
   * @param root the tree
   * @param value the new value
   * @param source the override the value and any created map come from
   * @return the new tree; {@code root} is unchanged
   * @throws ConfigError when a parent is not a map or a list, a list is missing, or an index is past the
   *     end; the message is the problem alone
   */
  Node set(Node root, Node value, Node.Assignment source) {
    if (segments.isEmpty()) {
      return value;
    }
    return set(root, 0, value, source);
  }

  private Node set(Node node, int i, Node value, Node.Assignment source) {
    Object seg = segments.get(i);
    String here = prefix(i + 1).toString();
    boolean last = i == segments.size() - 1;
    if (seg instanceof String key) {
      if (!node.isMap()) {
        throw new ConfigError("'" + prefix(i) + "' is " + node.describe() + ", not a block with keys");
      }
      Map<String, Node> entries = new LinkedHashMap<>(node.entries());
      Node child = entries.get(key);
      if (last) {
        entries.put(key, value);
      } else if ((child == null || child.isNull()) && segments.get(i + 1) instanceof Integer) {
        throw new ConfigError("there is no '" + here + "' list; set it whole: --set " + here + "=[...]");
      } else if (child == null || child.isNull()) {
        // a nested settings map the file leaves to its defaults (solver.autoRho): start it empty; the
        // settings binder then checks that the key exists
        entries.put(key, set(Node.map(Map.of(), new Node.Origin(here, 0, 0, 0, 0, source)), i + 1, value, source));
      } else {
        entries.put(key, set(child, i + 1, value, source));
      }
      return node.withMap(entries);
    }
    int index = (Integer) seg;
    String parent = prefix(i).toString();
    if (!node.isList()) {
      throw new ConfigError("'" + parent + "' is " + node.describe() + ", not a list");
    }
    if (index >= node.items().size()) {
      throw new ConfigError("'" + parent + "' has " + node.items().size() + " items, so " + here
          + " does not exist");
    }
    List<Node> items = new ArrayList<>(node.items());
    items.set(index, last ? value : set(items.get(index), i + 1, value, source));
    return node.withList(items);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyPath other && segments.equals(other.segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }

  /**
   * The path as text: keys joined by dots, indexes as {@code [i]} ({@code metrics[1].type}); empty for the
   * root. A path from {@link #parse} parses back to an equal one.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Object s : segments) {
      if (s instanceof Integer i) {
        out.append('[').append(i).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(s);
      }
    }
    return out.toString();
  }
}
