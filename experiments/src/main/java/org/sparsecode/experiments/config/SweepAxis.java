package org.sparsecode.experiments.config;

import java.util.ArrayList;
import java.util.List;

/**
 * One axis of a {@link Sweep}: a key path and its values, or a {@code zip:} group of key paths whose values
 * are paired item by item (an axis of several paths with one value each per step). Values are set at their
 * key paths as a {@code --set} would set them (a map replaces the block, it is not merged). Immutable.
 */
public final class SweepAxis {
  private final List<KeyPath> paths;
  /** {@code values.get(i).get(p)}: the i-th value of the p-th path. */
  private final List<List<Node>> values;
  private final List<Boolean> ranges;
  private final String where;

  SweepAxis(List<KeyPath> paths, List<List<Node>> values, List<Boolean> ranges, String where) {
    this.paths = List.copyOf(paths);
    List<List<Node>> copy = new ArrayList<>();
    for (List<Node> v : values) {
      copy.add(List.copyOf(v));
    }
    this.values = List.copyOf(copy);
    this.ranges = List.copyOf(ranges);
    this.where = where;
  }

  /**
   * The key paths the axis sets: one, or several for a {@code zip:} group.
   *
   * @return the paths, in the file's order
   */
  public List<KeyPath> paths() {
    return paths;
  }

  /**
   * Whether the axis is a {@code zip:} group.
   *
   * @return {@code true} when it sets several paths
   */
  public boolean isZip() {
    return paths.size() > 1;
  }

  /**
   * How many values the axis takes.
   *
   * @return at least 1
   */
  public int size() {
    return values.size();
  }

  /**
   * One step of the axis, as plain values (maps, lists, scalars).
   *
   * @param i the step, from 0
   * @return one value per path, in the order of {@link #paths()}
   */
  public List<Object> values(int i) {
    List<Object> out = new ArrayList<>();
    for (Node n : values.get(i)) {
      out.add(n.plain());
    }
    return out;
  }

  /**
   * Where the axis is written.
   *
   * @return {@code FILE:LINE:COLUMN} of the axis's key in the {@code sweep:} block
   */
  public String where() {
    return where;
  }

  /** The value nodes of one step, one per path. */
  List<Node> nodes(int i) {
    return values.get(i);
  }

  /** Whether the values of a path came from a {@code linspace}/{@code logspace} range. */
  boolean isRange(int path) {
    return ranges.get(path);
  }

  /** Whether some path's values came from a range. */
  boolean hasRange() {
    return ranges.contains(Boolean.TRUE);
  }

  /**
   * The axis as {@code validate} lists it: {@code solver.lambda (3 values: 0.001, 0.01, 0.1)}.
   *
   * @return one line of text
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(isZip() ? "zip(" + String.join(", ", paths.stream().map(KeyPath::toString).toList()) + ")"
        : paths.get(0).toString());
    sb.append(" (").append(size()).append(size() == 1 ? " value: " : " values: ");
    for (int i = 0; i < size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      List<Object> v = values(i);
      sb.append(v.size() == 1 ? Sweep.flow(v.get(0)) : Sweep.flow(v));
    }
    return sb.append(')').toString();
  }
}
