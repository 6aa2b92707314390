package org.sparsecode.experiments.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.sparsecode.experiments.results.Json;

/**
 * The {@code sweep:} block of a file, parsed: its axes and replicates, and their expansion into cells (see
 * {@link Sweep} for the language). Errors in the block read {@code FILE:LINE:COLUMN: sweep.KEY: problem}.
 */
final class SweepGrid {
  /** The most cells a sweep may have (each is bound before anything runs). */
  static final int MAX_CELLS = 10_000;
  /** The most values a range or {@code seeds:} may make. */
  static final int MAX_COUNT = 10_000;

  private final List<SweepAxis> axes;
  private final int seeds;
  private final Node seedsNode;

  private SweepGrid(List<SweepAxis> axes, int seeds, Node seedsNode) {
    this.axes = List.copyOf(axes);
    this.seeds = seeds;
    this.seedsNode = seedsNode;
  }

  List<SweepAxis> axes() {
    return axes;
  }

  int seeds() {
    return seeds;
  }

  /** The number of cells per variant. */
  int cellsPerVariant() {
    long n = Math.max(seeds, 1);
    for (SweepAxis a : axes) {
      n *= a.size();
    }
    return (int) n;
  }

  /**
   * Parses a {@code sweep:} block.
   *
   * @param block the block's value
   * @param file the file as messages name it
   * @return the grid
   * @throws ConfigError for a malformed block, located at the offending key or value
   */
  static SweepGrid parse(Node block, String file) {
    if (!block.isMap() || block.entries().isEmpty()) {
      throw new ConfigError(at(file, block, true) + "sweep: " + (block.isMap() ? "is empty; " : "expected a map of"
          + " key paths to axes, got " + block.describe() + "; ") + "write e.g. sweep: { solver.lambda: [1e-3,"
          + " 1e-2] }, or remove the key");
    }
    List<SweepAxis> axes = new ArrayList<>();
    int seeds = 0;
    Node seedsNode = null;
    for (Map.Entry<String, Node> e : block.entries().entrySet()) {
      String key = e.getKey();
      Node value = e.getValue();
      if (key.equals("seeds")) {
        seeds = count(file, value, "sweep.seeds", "seeds", "e.g. seeds: 3");
        seedsNode = value;
      } else if (key.equals("zip")) {
        axes.add(zip(file, value));
      } else {
        axes.add(axis(file, "sweep.", key, value));
      }
    }
    List<KeyPath> seen = new ArrayList<>();
    List<String> seenWhere = new ArrayList<>();
    for (SweepAxis a : axes) {
      for (KeyPath p : a.paths()) {
        for (int i = 0; i < seen.size(); i++) {
          KeyPath q = seen.get(i);
          if (overlaps(p, q)) {
            throw new ConfigError(a.where() + ": sweep." + p + ": " + (p.equals(q) ? "is already an axis"
                : "overlaps the axis " + q) + " (" + seenWhere.get(i) + "); sweep each key once");
          }
        }
        seen.add(p);
        seenWhere.add(a.where());
      }
      if (seeds > 0 && a.paths().contains(KeyPath.parse("seed"))) {
        throw new ConfigError(a.where() + ": sweep.seed: cannot be an axis together with seeds:; keep one");
      }
    }
    long cells = Math.max(seeds, 1);
    for (SweepAxis a : axes) {
      cells *= a.size();
      if (cells > MAX_CELLS) {
        throw new ConfigError(at(file, block, true) + "sweep: makes more than " + MAX_CELLS + " cells; split it"
            + " into several files or use fewer values");
      }
    }
    return new SweepGrid(axes, seeds, seedsNode);
  }

  /** Whether one path is the other or inside it. */
  static boolean overlaps(KeyPath p, KeyPath q) {
    int n = Math.min(p.size(), q.size());
    return p.prefix(n).equals(q.prefix(n));
  }

  private static SweepAxis zip(String file, Node value) {
    if (!value.isMap() || value.entries().size() < 2) {
      throw new ConfigError(at(file, value, true) + "sweep.zip: expected a map of at least two key paths to"
          + " lists of equal length, e.g. zip: { solver.maxIter: [50, 100], solver.lambda: [1e-3, 1e-2] }"
          + (value.isMap() ? "" : ", got " + value.describe()));
    }
    List<SweepAxis> parts = new ArrayList<>();
    for (Map.Entry<String, Node> e : value.entries().entrySet()) {
      // a value may repeat along one path of a zip (peak, peak, unit-l2, unit-l2 paired with four λ): only a
      // repeated pair is refused, below
      parts.add(axis(file, "sweep.zip.", e.getKey(), e.getValue(), false));
    }
    SweepAxis first = parts.get(0);
    for (SweepAxis p : parts) {
      if (p.size() != first.size()) {
        throw new ConfigError(p.where() + ": sweep.zip." + p.paths().get(0) + ": has " + p.size() + " value"
            + (p.size() == 1 ? "" : "s") + " but " + first.paths().get(0) + " has " + first.size()
            + "; the axes of a zip: are paired item by item, so give each the same number of values");
      }
    }
    List<KeyPath> paths = new ArrayList<>();
    List<Boolean> ranges = new ArrayList<>();
    List<List<Node>> values = new ArrayList<>();
    for (int i = 0; i < first.size(); i++) {
      List<Node> step = new ArrayList<>();
      for (SweepAxis p : parts) {
        step.add(p.nodes(i).get(0));
      }
      values.add(step);
    }
    for (SweepAxis p : parts) {
      paths.add(p.paths().get(0));
      ranges.add(p.isRange(0));
    }
    for (int i = 0; i < values.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (plain(values.get(i)).equals(plain(values.get(j)))) {
          Node at = values.get(i).get(0);
          throw new ConfigError(at(file, at, false) + "sweep.zip: item " + i + " pairs the same values as item " + j
              + " (" + Sweep.flow(plain(values.get(i))) + "); give each pair once");
        }
      }
    }
    return new SweepAxis(paths, values, ranges, at(file, value, true).replaceAll(": $", ""));
  }

  private static List<Object> plain(List<Node> step) {
    return step.stream().map(Node::plain).toList();
  }

  private static SweepAxis axis(String file, String prefix, String key, Node value) {
    return axis(file, prefix, key, value, true);
  }

  private static SweepAxis axis(String file, String prefix, String key, Node value, boolean once) {
    String where = at(file, value, true);
    String shown = prefix + key;
    KeyPath path;
    try {
      path = KeyPath.parse(key);
    } catch (ConfigError e) {
      throw new ConfigError(where + shown + ": " + e.getMessage());
    }
    String first = path.key(0);
    // fft is run-wide (one FFT engine per process): cells of one sweep share it.
    if (!TopLevelKeys.SETTABLE.contains(first) || first.equals("name") || first.equals("fft")) {
      String problem = TopLevelKeys.ALL.contains(first) ? "'" + first + "' cannot be swept"
          : TopLevelKeys.unknownKey(first, TopLevelKeys.SETTABLE.stream().filter(k -> !k.equals("name")).toList());
      throw new ConfigError(where + shown + ": " + problem);
    }
    List<Node> values;
    boolean range = false;
    if (value.isList()) {
      values = value.items();
      if (values.isEmpty()) {
        throw new ConfigError(where + shown + ": the axis has no value; give at least one, e.g. " + key
            + ": [1e-3, 1e-2], or remove it");
      }
      for (int i = 0; i < values.size(); i++) {
        if (values.get(i).isNull()) {
          throw new ConfigError(at(file, values.get(i), false) + shown + "[" + i + "]: no value (YAML null);"
              + " write the value, or remove the item");
        }
      }
    } else if (value.isMap() && value.entries().size() == 1
        && (value.get("linspace") != null || value.get("logspace") != null)) {
      boolean log = value.get("logspace") != null;
      values = range(file, shown + (log ? ".logspace" : ".linspace"), value.get(log ? "logspace" : "linspace"),
          log, value, shown);
      range = true;
    } else {
      throw new ConfigError(where + shown + ": expected a list of values, {linspace: [a, b, n]} or {logspace: [a,"
          + " b, n]}, got " + value.describe() + (value.isMap() ? " (to sweep keys of a block, write each as a key"
          + " path: " + key + ".KEY: [...]; to sweep whole blocks, give a list of them)" : ""));
    }
    for (int i = 0; once && i < values.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (Objects.equals(values.get(i).plain(), values.get(j).plain())) {
          throw new ConfigError(at(file, values.get(i), false) + shown + "[" + i + "]: " + Sweep.flow(values.get(i)
              .plain()) + " is already item " + j + " of the axis; give each value once");
        }
      }
    }
    List<List<Node>> steps = values.stream().map(List::of).toList();
    return new SweepAxis(List.of(path), steps, List.of(range), where.replaceAll(": $", ""));
  }

  /** The values of {@code {linspace: [a, b, n]}} or {@code {logspace: [a, b, n]}}, as numpy computes them. */
  private static List<Node> range(String file, String shown, Node spec, boolean log, Node form, String axis) {
    String key = axis.replaceFirst("^sweep\\.(zip\\.)?", "");
    String example = key + ": {" + (log ? "logspace: [-3, -1, 3]} (0.001, 0.01, 0.1)"
        : "linspace: [0.1, 0.5, 5]} (0.1, 0.2, ..., 0.5)");
    if (!spec.isList() || spec.items().size() != 3) {
      throw new ConfigError(at(file, spec, false) + shown + ": expected [start, stop, count], e.g. " + example);
    }
    double a = number(file, spec.items().get(0), shown + "[0]", example);
    double b = number(file, spec.items().get(1), shown + "[1]", example);
    int n = count(file, spec.items().get(2), shown + "[2]", "the count", "e.g. " + example);
    double step = n > 1 ? (b - a) / (n - 1) : Double.NaN;
    List<Node> out = new ArrayList<>();
    Node.Origin origin = new Node.Origin(axis, form.keyLine(), form.keyColumn(), form.valueLine(),
        form.valueColumn(), form.override());
    for (int i = 0; i < n; i++) {
      // numpy.linspace: start + i * step, the last value exactly stop
      double x = i == 0 ? a : i == n - 1 ? b : a + i * step;
      double v = log ? Math.pow(10.0, x) : x;
      if (!Double.isFinite(v)) {
        throw new ConfigError(at(file, spec, false) + shown + ": makes " + v + "; keep the exponents within"
            + " [-300, 300]");
      }
      out.add(Node.scalar(v, origin));
    }
    return out;
  }

  private static double number(String file, Node n, String shown, String example) {
    if (!(n.scalar() instanceof Number x) || !Double.isFinite(x.doubleValue())) {
      throw new ConfigError(at(file, n, false) + shown + ": expected a finite number, got " + n.describe()
          + "; e.g. " + example);
    }
    return x.doubleValue();
  }

  /** An integer in [1, {@link #MAX_COUNT}]. */
  private static int count(String file, Node n, String shown, String what, String example) {
    Object v = n.scalar();
    boolean integral = v instanceof Integer || v instanceof Long || v instanceof BigInteger;
    if (!integral) {
      throw new ConfigError(at(file, n, false) + shown + ": " + what + " must be a whole number, got "
          + n.describe() + "; " + example);
    }
    BigInteger big = new BigInteger(v.toString());
    if (big.signum() <= 0 || big.compareTo(BigInteger.valueOf(MAX_COUNT)) > 0) {
      throw new ConfigError(at(file, n, false) + shown + ": " + what + " must be in [1, " + MAX_COUNT + "], got "
          + v + "; " + example);
    }
    return big.intValue();
  }

  /** {@code FILE:LINE:COLUMN: } of a node of the block: its key, or its value. */
  private static String at(String file, Node n, boolean atKey) {
    int line = atKey && n.keyLine() > 0 ? n.keyLine() : n.valueLine();
    int column = atKey && n.keyLine() > 0 ? n.keyColumn() : n.valueColumn();
    if (line <= 0) {
      line = 1;
      column = 1;
    }
    return file + ":" + line + ":" + column + ": ";
  }

  /**
   * Refuses an override that sets a swept key, a block holding one, or a key inside a swept block.
   *
   * @param sets the overrides of the command line (and of a part's {@code set:})
   */
  void checkSets(List<SetOverride> sets) {
    for (SetOverride set : sets) {
      for (SweepAxis a : axes) {
        for (KeyPath p : a.paths()) {
          if (overlaps(set.path(), p)) {
            throw new ConfigError(set.source().label() + ": " + p + " is an axis of the sweep (" + a.where()
                + "); change the axis instead of setting it (a --set applies to every cell)");
          }
        }
      }
    }
  }

  /**
   * Expands one experiment (one variant) into its cells and binds each; every cell is tried, so the error
   * says how many fail.
   *
   * @param tree the variant's tree (variant merged, no overrides yet)
   * @param variant the variant, or {@code null}
   * @param overrides applies the {@code --set}s to a cell's tree
   * @param build binds a tree into an experiment
   * @return the cells, in sweep order
   * @throws ConfigError for the first bad cell, naming it
   */
  List<SweepCell> expand(Node tree, String variant, UnaryOperator<Node> overrides,
      BiFunction<Node, String, ExperimentConfig> build) {
    for (SweepAxis a : axes) {
      for (int p = 0; p < a.paths().size(); p++) {
        Node current = a.paths().get(p).get(tree);
        if (a.isRange(p) && current != null && current.isList()) {
          throw rangeOnList(a, p);
        }
      }
    }
    int perVariant = cellsPerVariant();
    int replicates = Math.max(seeds, 1);
    List<SweepCell> cells = new ArrayList<>(perVariant);
    ConfigError first = null;
    int failed = 0;
    int[] index = new int[axes.size()];
    for (int c = 0; c < perVariant / replicates; c++) {
      int rest = c;
      for (int k = axes.size() - 1; k >= 0; k--) {
        index[k] = rest % axes.get(k).size();
        rest /= axes.get(k).size();
      }
      Map<String, Object> values = new LinkedHashMap<>();
      List<String> parts = new ArrayList<>();
      Node cellTree = tree;
      for (int k = 0; k < axes.size(); k++) {
        SweepAxis a = axes.get(k);
        List<Node> nodes = a.nodes(index[k]);
        for (int p = 0; p < nodes.size(); p++) {
          KeyPath path = a.paths().get(p);
          Object plain = nodes.get(p).plain();
          values.put(path.toString(), plain);
          parts.add(path + "=" + Sweep.flow(plain));
        }
      }
      String name = parts.isEmpty() ? Sweep.NO_AXES : String.join(",", parts);
      try {
        for (int k = 0; k < axes.size(); k++) {
          SweepAxis a = axes.get(k);
          List<Node> nodes = a.nodes(index[k]);
          for (int p = 0; p < nodes.size(); p++) {
            try {
              cellTree = a.paths().get(p).set(cellTree, nodes.get(p), null);
            } catch (ConfigError e) {
              throw new ConfigError(a.where() + ": sweep." + a.paths().get(p) + ": " + e.getMessage());
            }
          }
        }
        cellTree = overrides.apply(cellTree);
      } catch (ConfigError e) {
        failed += replicates;
        first = first != null ? first : inCell(e, name, variant, null);
        continue;
      }
      for (int r = 0; r < replicates; r++) {
        Long seed = null;
        Node replicate = cellTree;
        if (seeds > 0) {
          Node s = cellTree.get("seed");
          Object base = s == null ? Long.valueOf(0) : s.scalar();
          if (base instanceof Integer || base instanceof Long) {
            seed = ((Number) base).longValue() + r;
            Map<String, Node> entries = new LinkedHashMap<>(cellTree.entries());
            entries.put("seed", Node.scalar(seed, seedsNode.origin()));
            replicate = cellTree.withMap(entries);
          }
        }
        try {
          ExperimentConfig config = build.apply(replicate, variant);
          checkRanges(config);
          cells.add(new SweepCell(name, variant, seed, values, config, Json.sha256(config.resolved())));
        } catch (ConfigError e) {
          failed++;
          first = first != null ? first : inCell(e, name, variant, seed);
        }
      }
    }
    if (first != null) {
      probeRanges(tree, variant, overrides, build);
      throw failed == 1 ? first : new ConfigError(first.getMessage() + "; " + failed + " of " + perVariant
          + " cells" + (variant == null ? "" : " of variant '" + variant + "'") + " fail", first);
    }
    return cells;
  }

  /**
   * When cells fail and the sweep has a range axis, checks whether the range's key takes a list (the plugin's
   * own message for a number given to a list would not say that the axis is the problem): binds the experiment
   * without the sweep and looks at the key's resolved value. Does nothing when that experiment does not bind.
   */
  private void probeRanges(Node tree, String variant, UnaryOperator<Node> overrides,
      BiFunction<Node, String, ExperimentConfig> build) {
    if (axes.stream().noneMatch(SweepAxis::hasRange)) {
      return;
    }
    ExperimentConfig plain;
    try {
      plain = build.apply(overrides.apply(tree), variant);
    } catch (ConfigError e) {
      return;
    }
    checkRanges(plain);
  }

  private static ConfigError inCell(ConfigError e, String name, String variant, Long seed) {
    return new ConfigError(e.getMessage() + " (in sweep cell '" + name + "'" + (seed == null ? "" : " with seed "
        + seed) + ")", e);
  }

  /** Refuses a range axis whose key turned out to take a list (known once its defaults are filled in). */
  private void checkRanges(ExperimentConfig config) {
    for (SweepAxis a : axes) {
      for (int p = 0; p < a.paths().size(); p++) {
        if (a.isRange(p) && resolvedAt(config.resolved(), a.paths().get(p)) instanceof List<?>) {
          throw rangeOnList(a, p);
        }
      }
    }
  }

  private static ConfigError rangeOnList(SweepAxis a, int p) {
    KeyPath path = a.paths().get(p);
    return new ConfigError(a.where() + ": sweep." + (a.isZip() ? "zip." : "") + path + ": " + path + " takes a"
        + " list, so a linspace/logspace range (one number per cell) cannot sweep it; write the axis as a list of"
        + " lists, e.g. " + path + ": [[0.1], [0.1, 0.2]]");
  }

  private static Object resolvedAt(Object tree, KeyPath path) {
    Object node = tree;
    for (int i = 0; i < path.size() && node != null; i++) {
      if (path.isIndex(i)) {
        node = node instanceof List<?> l && path.index(i) < l.size() ? l.get(path.index(i)) : null;
      } else {
        node = node instanceof Map<?, ?> m ? m.get(path.key(i)) : null;
      }
    }
    return node;
  }
}
