package org.sparsecode.experiments.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The cells of a {@code sweep:} block, every one bound and validated when the file was loaded.
 *
 * <p><b>Syntax.</b> Each key of the block is a key path ({@code solver.lambda}, {@code metrics[0].cutoffs},
 * or a whole block, {@code solver}) and its value the axis: a list of values ({@code [1e-3, 1e-2]}; for a
 * key that takes a list, a list of lists: {@code dictionary.bThetas: [[0.087], [0.087, 0.175]]}; for a
 * block, a list of blocks: {@code solver: [{type: fista}, {type: lca}]}), or a range of numbers for a key
 * that takes one number, {@code {linspace: [a, b, n]}} ({@code n} values from {@code a} to {@code b}, as
 * {@code numpy.linspace}) or {@code {logspace: [a, b, n]}} ({@code 10^x} for those, as
 * {@code numpy.logspace}). {@code zip: {k1: [...], k2: [...]}} pairs axes of equal lengths into one axis;
 * {@code seeds: N} replicates every cell with the seeds {@code seed}, {@code seed + 1}, ...,
 * {@code seed + N - 1}, {@code seed} being the experiment's (after its variant and {@code --set}s).
 *
 * <p><b>Cells</b> are the Cartesian product of the axes (a {@code zip:} group is one axis, at the place of
 * its {@code zip} key), in the block's order, the first axis slowest and the seed replicate fastest; with
 * {@code variants:}, the cells of the first variant come first (variants × cells). A cell is the variant's
 * tree with each axis value set at its key path (the value replaces what was there, as {@code --set}), then
 * the {@code --set}s, then the seed, and is then bound exactly as an experiment file. {@code parts:} are not
 * swept. A {@code --set} on a swept key, on a block holding one, or inside a swept block is an error.
 *
 * <p><b>Identity.</b> A cell's {@link SweepCell#name() name} is {@code path=value} for every axis path,
 * joined by {@code ,}, values in compact YAML flow ({@link #flow}); its {@link SweepCell#hash() hash} is
 * the SHA-256 of its resolved configuration alone, so adding a value to an axis leaves the other cells'
 * hashes as they were.
 *
 * @param axes the axes, in the block's order (slowest first); empty when the block has only {@code seeds:}
 * @param seeds the replicates per cell ({@code seeds:}), 0 when the block has none
 * @param cells every cell, variants × product × seeds, in the order above
 */
public record Sweep(List<SweepAxis> axes, int seeds, List<SweepCell> cells) {
  /** The name of the only cell of a sweep with no axis but {@code seeds:}. */
  public static final String NO_AXES = "base";

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
  private static final Pattern RESERVED = Pattern.compile(
      "(?i)null|true|false|yes|no|on|off|y|n|\\.nan|\\.inf|[-+]?\\.inf");

  /**
   * Copies the lists.
   *
   * @param axes the axes
   * @param seeds the replicates, 0 for none
   * @param cells the cells
   */
  public Sweep {
    axes = List.copyOf(axes);
    cells = List.copyOf(cells);
  }

  /**
   * The key paths of every axis, in order ({@code zip:} groups flattened): the axis columns of a table.
   *
   * @return the paths' text
   */
  public List<String> columns() {
    return axes.stream().flatMap(a -> a.paths().stream()).map(KeyPath::toString).toList();
  }

  /**
   * A value as compact YAML flow, as cell names and table columns write it: {@code 0.001}, {@code 1.0e-4},
   * {@code [0.087, 0.175]}, {@code {type: fista, lambda: 0.01}}; a string in single quotes unless it is a
   * plain word YAML would not read as something else.
   *
   * @param value maps, lists and scalars
   * @return the text, on one line
   */
  public static String flow(Object value) {
    StringBuilder out = new StringBuilder();
    flow(value, out);
    return out.toString();
  }

  private static void flow(Object value, StringBuilder out) {
    if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(", ");
        }
        first = false;
        flow(String.valueOf(e.getKey()), out);
        out.append(": ");
        flow(e.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        flow(list.get(i), out);
      }
      out.append(']');
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d)) {
        out.append(".nan");
      } else if (Double.isInfinite(d)) {
        out.append(d > 0 ? ".inf" : "-.inf");
      } else {
        out.append(Double.toString(d).replace('E', 'e'));
      }
    } else if (value instanceof BigDecimal big) {
      out.append(big.toString().replace('E', 'e'));
    } else if (value instanceof Number || value instanceof Boolean || value instanceof BigInteger) {
      out.append(value);
    } else if (value == null) {
      out.append("null");
    } else {
      String s = value.toString();
      if (PLAIN.matcher(s).matches() && !RESERVED.matcher(s).matches()) {
        out.append(s);
      } else {
        out.append('\'').append(s.replace("'", "''")).append('\'');
      }
    }
  }
}
