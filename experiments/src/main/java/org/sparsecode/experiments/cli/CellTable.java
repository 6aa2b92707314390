package org.sparsecode.experiments.cli;

import java.util.ArrayList;
import java.util.List;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.config.Sweep;
import org.sparsecode.experiments.config.SweepCell;
import org.sparsecode.experiments.results.Json;

/**
 * The table {@code run --dry-run} prints: one row per cell of a sweep (its readable name, the variant when
 * there are variants, each axis value, the seed with {@code seeds:}) or per variant of a plain file, each with
 * the first {@value #HASH_PREFIX} hex digits of the hash of its resolved configuration; then each part's
 * table. Columns are separated by two spaces and padded to line up.
 */
final class CellTable {
  /** How many hex digits of a configuration's hash the table shows. */
  static final int HASH_PREFIX = 12;

  private CellTable() {}

  /**
   * The table's lines.
   *
   * @param plan a loaded plan
   * @return a title line, the header, one line per row, then the parts'
   */
  static List<String> lines(ExperimentPlan plan) {
    List<String> out = new ArrayList<>();
    lines(plan, "", out);
    return out;
  }

  private static void lines(ExperimentPlan plan, String indent, List<String> out) {
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("cell"));
    boolean variants = plan.hasVariants();
    if (plan.sweep().isPresent()) {
      Sweep sweep = plan.sweep().get();
      if (variants) {
        header.add("variant");
      }
      header.addAll(sweep.columns());
      if (sweep.seeds() > 0) {
        header.add("seed");
      }
      header.add("hash");
      for (SweepCell c : sweep.cells()) {
        List<String> row = new ArrayList<>(List.of(c.name()));
        if (variants) {
          row.add(String.valueOf(c.variant()));
        }
        for (String column : sweep.columns()) {
          row.add(Sweep.flow(c.values().get(column)));
        }
        if (sweep.seeds() > 0) {
          row.add(String.valueOf(c.seed()));
        }
        row.add(c.hash().substring(0, HASH_PREFIX));
        rows.add(row);
      }
      out.add(indent + plan.file() + ": " + rows.size() + " cell" + (rows.size() == 1 ? "" : "s")
          + ", nothing computed (dry run)");
    } else {
      header.add("hash");
      for (ExperimentConfig c : plan.experiments()) {
        rows.add(List.of(c.variant() == null ? c.name() : c.variant(),
            Json.sha256(c.resolved()).substring(0, HASH_PREFIX)));
      }
      out.add(indent + plan.file() + ": " + rows.size() + (variants ? " variant" + (rows.size() == 1 ? "" : "s")
          : " experiment") + ", nothing computed (dry run)");
    }
    int[] width = new int[header.size()];
    rows.add(0, header);
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder sb = new StringBuilder(indent);
      for (int i = 0; i < row.size(); i++) {
        sb.append(row.get(i));
        if (i < row.size() - 1) {
          sb.append(" ".repeat(width[i] - row.get(i).length() + 2));
        }
      }
      out.add(sb.toString());
    }
    plan.parts().forEach((name, part) -> {
      out.add(indent + "part " + name + ":");
      lines(part, indent + "  ", out);
    });
  }
}
