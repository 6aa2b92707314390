package org.sparsecode.experiments.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One value of a parsed configuration tree with where it came from: a map, a list or a scalar, the path
 * it was written at ({@code solver.lambda}, {@code variants.thin.dictionary.preset}), its key's and its
 * value's line and column in the file, or the override that produced it (a {@code --set}, or an item of a
 * part's {@code set:} list, see {@link Assignment}). Merging variants
 * and applying overrides moves nodes to new paths but keeps their origin, so an error found after the
 * merge still points at the line that wrote the value. Immutable.
 */
final class Node {
  /** What a node holds. */
  enum Kind { MAP, LIST, SCALAR }

  private final Kind kind;
  private final Map<String, Node> map;
  private final List<Node> list;
  private final Object scalar;
  private final String source;
  private final int keyLine;
  private final int keyColumn;
  private final int valueLine;
  private final int valueColumn;
  private final Assignment override;
  private final long size;

  private Node(Kind kind, Map<String, Node> map, List<Node> list, Object scalar, String source, int keyLine,
      int keyColumn, int valueLine, int valueColumn, Assignment override) {
    this.kind = kind;
    this.map = map;
    this.list = list;
    this.scalar = scalar;
    this.source = source;
    this.keyLine = keyLine;
    this.keyColumn = keyColumn;
    this.valueLine = valueLine;
    this.valueColumn = valueColumn;
    this.override = override;
    long n = 1;
    if (map != null) {
      for (Node child : map.values()) {
        n = saturatedAdd(n, child.size);
      }
    } else if (list != null) {
      for (Node child : list) {
        n = saturatedAdd(n, child.size);
      }
    }
    this.size = n;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  static Node map(Map<String, Node> entries, Origin origin) {
    return new Node(Kind.MAP, Collections.unmodifiableMap(new LinkedHashMap<>(entries)), null, null,
        origin.source, origin.keyLine, origin.keyColumn, origin.valueLine, origin.valueColumn, origin.override);
  }

  static Node list(List<Node> items, Origin origin) {
    return new Node(Kind.LIST, null, List.copyOf(items), null, origin.source, origin.keyLine, origin.keyColumn,
        origin.valueLine, origin.valueColumn, origin.override);
  }

  static Node scalar(Object value, Origin origin) {
    return new Node(Kind.SCALAR, null, null, value, origin.source, origin.keyLine, origin.keyColumn,
        origin.valueLine, origin.valueColumn, origin.override);
  }

  /** Where a node was written. Lines and columns are 1-based; 0 when unknown. */
  record Origin(String source, int keyLine, int keyColumn, int valueLine, int valueColumn, Assignment override) {}

  /**
   * The {@code key.path=value} override a node came from: a {@code --set} of the command line
   * ({@code where} is {@code null}), or an item of a part's {@code set:} list ({@code where} reads
   * {@code FILE:LINE:COLUMN: parts.NAME.set[I]}, the entry in the including file).
   *
   * @param text the override as written, {@code solver.lambda=5e-3}
   * @param where the location of a part's {@code set:} entry, or {@code null} for the command line
   */
  record Assignment(String text, String where) {
    /** How an error message starts: {@code --set solver.lambda=5e-3} or {@code FILE:3:7: parts.p.set[0]: ...}. */
    String label() {
      return where == null ? "--set " + text : where + ": " + text;
    }
  }

  Origin origin() {
    return new Origin(source, keyLine, keyColumn, valueLine, valueColumn, override);
  }

  /** The same map or list written at another place (an alias's); a scalar is returned unchanged. */
  Node at(Origin origin) {
    return switch (kind) {
      case MAP -> map(map, origin);
      case LIST -> list(list, origin);
      case SCALAR -> this;
    };
  }

  /** The same content with another map. */
  Node withMap(Map<String, Node> entries) {
    return map(entries, origin());
  }

  /** The same content with another list. */
  Node withList(List<Node> items) {
    return list(items, origin());
  }

  Kind kind() {
    return kind;
  }

  boolean isMap() {
    return kind == Kind.MAP;
  }

  boolean isList() {
    return kind == Kind.LIST;
  }

  boolean isScalar() {
    return kind == Kind.SCALAR;
  }

  boolean isNull() {
    return kind == Kind.SCALAR && scalar == null;
  }

  Map<String, Node> entries() {
    return map;
  }

  List<Node> items() {
    return list;
  }

  Object scalar() {
    return scalar;
  }

  Node get(String key) {
    return map == null ? null : map.get(key);
  }

  /** The path as written in its source: {@code solver.lambda}, {@code variants.thin.solver}; "" for a root. */
  String source() {
    return source;
  }

  /** The override this node came from, or {@code null} when it came from the file. */
  Assignment override() {
    return override;
  }

  int keyLine() {
    return keyLine;
  }

  int keyColumn() {
    return keyColumn;
  }

  int valueLine() {
    return valueLine;
  }

  int valueColumn() {
    return valueColumn;
  }

  /**
   * How many nodes the tree holds once every alias is expanded (an aliased node is shared, not copied, so
   * a small file can describe a huge tree); saturates at {@link Long#MAX_VALUE}.
   */
  long size() {
    return size;
  }

  /** The node as a message shows it: {@code a map}, {@code a list}, a string in quotes, another scalar as is. */
  String describe() {
    switch (kind) {
      case MAP:
        return "a map";
      case LIST:
        return "a list";
      default:
        return scalar instanceof String s ? "'" + s + "'" : String.valueOf(scalar);
    }
  }

  /** The plain tree (maps, lists, scalars) that the settings binder and YAML writers take. */
  Object plain() {
    switch (kind) {
      case MAP: {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : map.entrySet()) {
          out.put(e.getKey(), e.getValue().plain());
        }
        return out;
      }
      case LIST: {
        List<Object> out = new ArrayList<>(list.size());
        for (Node n : list) {
          out.add(n.plain());
        }
        return out;
      }
      default:
        return scalar;
    }
  }

  @Override
  public String toString() {
    return String.valueOf(plain());
  }
}
