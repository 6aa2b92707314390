package org.sparsecode.experiments.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sparsecode.core.io.AtomicFiles;
import org.sparsecode.eval.front.MatchedDifference;
import org.sparsecode.eval.front.PsnrMatchedSparseness;
import org.sparsecode.eval.front.SparsenessFront;
import org.sparsecode.eval.stats.MeanCi;
import org.sparsecode.experiments.config.KeyPath;
import org.sparsecode.experiments.config.Sweep;
import org.sparsecode.experiments.config.SweepAxis;
import org.sparsecode.experiments.config.SweepCell;
import org.sparsecode.experiments.report.MatchedPsnrTable;
import org.sparsecode.experiments.results.ImageResult;
import org.sparsecode.experiments.results.MetricsCsv;

/**
 * A sweep's dictionaries compared at matched PSNR: the cells that differ only by {@code solver.lambda} make one
 * <em>group</em> (a dictionary, say), whose per-image λ curves become {@link SparsenessFront}s; groups are
 * compared with a baseline group on sparseness at common PSNR levels ({@link PsnrMatchedSparseness}), with a
 * bootstrap CI over images. It exists only for a sweep with a {@code solver.lambda} axis (alone or in a
 * {@code zip:}) of at least two values.
 *
 * <p><b>Groups.</b> Cells are grouped by their variant, their seed (with {@code seeds:}) and the value of every
 * axis path but {@code solver.lambda} (a path zipped with λ, e.g. {@code dictionary.normalise}, is part of the
 * group: each normalisation can then have its own λ values). A group's label is the variant, then
 * {@code path=value} for those paths (values as {@link Sweep#flow}), then {@code seed=N}, joined by {@code ,};
 * {@value Sweep#NO_AXES} when there is none of them. Failed cells are left out (their λ's point is missing).
 * The images are those of every complete cell, in first-seen order; a group without a point for an image has an
 * empty front there.
 *
 * <p><b>Families and baselines.</b> Groups are compared <em>along</em> one dimension: the variants when the file
 * has two or more, else the first axis that does not hold {@code solver.lambda} (all its paths, for a
 * {@code zip:}); {@link Settings#along()} names another ({@value #VARIANT} or an axis path). Groups that agree on
 * everything else form a <em>family</em> (with the variants compared, and λ zipped with the normalisation, the
 * family is a normalisation). In each family the baseline is the group with the dimension's first value in file
 * order (the first variant, the axis's first value), or {@link Settings#baseline()}; every other group is compared
 * with it. The ablation lists 'full' first, so each dictionary is compared with 'full' under each normalisation.
 * A family without its baseline (every cell of it failed) gets no comparison.
 *
 * <p><b>Levels.</b> Each family has its own levels ({@link PsnrMatchedSparseness#levels}: {@link Settings#levels()}
 * evenly spaced over the PSNRs that every group of the family covers on more than {@link Settings#coverage()} of
 * the images).
 *
 * <p><b>Rows</b> ({@link #rows()}, {@code matched-psnr.csv}): one per group and level, families in first-seen
 * order, the baseline first in each. A compared row's {@code mean_sparseness} and {@code n_images} are over the
 * images where both its front and the baseline's reach the level; {@code mean_diff} is the mean of the per-image
 * differences group − baseline (negative: the group is less sparse than the baseline at that PSNR), with the
 * percentile-bootstrap CI {@code [ci_low, ci_high]} ({@link Settings#resamples()} resamples, seeded by
 * {@link Settings#seed()}; NaN below two images). A baseline's row (and a row of a family without a baseline) has
 * an empty {@code compare_to}, NaN differences, and its own mean over the images its front reaches.
 */
public final class MatchedPsnrComparison {
  /** The file written into the sweep's directory. */
  public static final String FILE = "matched-psnr.csv";
  /** The swept key whose cells make one group's curve. */
  public static final String LAMBDA = "solver.lambda";
  /** The name of the variants as a dimension ({@link Settings#along()}). */
  public static final String VARIANT = "variant";
  /** The columns of {@link #FILE}, in order. */
  public static final List<String> COLUMNS = List.of("group", "level_psnr", "mean_sparseness", "compare_to",
      "mean_diff", "ci_low", "ci_high", "n_images");

  /**
   * How to compare.
   *
   * @param along the dimension compared: {@value #VARIANT}, an axis path, or {@code null} for the default (see the
   *     class comment)
   * @param baseline the baseline's value along that dimension (a variant's name; an axis value as {@link Sweep#flow}
   *     writes it; for a {@code zip:} axis, {@code path=value} for each of its paths joined by {@code ,}), or
   *     {@code null} for the first value in file order
   * @param levels the number of PSNR levels per family, at least 1
   * @param coverage a level needs more than this fraction of the images, in [0, 1)
   * @param resamples bootstrap resamples, at least 1
   * @param confidence the CI's level, in (0, 1)
   * @param seed the bootstrap seed
   */
  public record Settings(String along, String baseline, int levels, double coverage, int resamples,
      double confidence, long seed) {
    /** The default bootstrap seed. */
    public static final long DEFAULT_SEED = 42;

    /**
     * Validates.
     *
     * @throws IllegalArgumentException for a value out of range
     */
    public Settings {
      if (levels < 1) {
        throw new IllegalArgumentException("levels must be at least 1, got " + levels);
      }
      if (!(coverage >= 0 && coverage < 1)) {
        throw new IllegalArgumentException("coverage must be in [0, 1), got " + coverage);
      }
      if (resamples < 1) {
        throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
      }
      if (!(confidence > 0 && confidence < 1)) {
        throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
      }
    }

    /**
     * The defaults: dimension and baseline chosen as the class comment says, {@value
     * PsnrMatchedSparseness#DEFAULT_LEVELS} levels over the PSNRs a majority of the images cover, {@value
     * PsnrMatchedSparseness#DEFAULT_RESAMPLES} resamples, a 95 % CI, seed {@value #DEFAULT_SEED}.
     *
     * @return the settings
     */
    public static Settings defaults() {
      return new Settings(null, null, PsnrMatchedSparseness.DEFAULT_LEVELS, PsnrMatchedSparseness.DEFAULT_COVERAGE,
          PsnrMatchedSparseness.DEFAULT_RESAMPLES, PsnrMatchedSparseness.DEFAULT_CONFIDENCE, DEFAULT_SEED);
    }
  }

  /**
   * The cells that differ only by λ.
   *
   * @param label the group's label (see the class comment)
   * @param family the label of its family: the label's parts but the compared dimension's; {@value Sweep#NO_AXES}
   *     when there are none
   * @param along its value along the compared dimension, as text; {@code null} when nothing is compared
   * @param lambdas the λ of its complete cells, in cell order
   * @param fronts one front per image of {@link #images()}
   */
  public record Group(String label, String family, String along, List<Double> lambdas,
      List<SparsenessFront> fronts) {
    /** Copies the lists. */
    public Group {
      lambdas = List.copyOf(lambdas);
      fronts = List.copyOf(fronts);
    }
  }

  /**
   * One line of {@value #FILE}.
   *
   * @param group the group's label
   * @param family the group's family
   * @param levelPsnr the PSNR level, dB
   * @param meanSparseness the group's mean sparseness at the level (over the images counted in {@code nImages})
   * @param compareTo the baseline's label, or empty for a baseline or a family without one
   * @param meanDiff the mean per-image difference group − baseline; NaN without a comparison
   * @param ciLow the lower end of its CI; NaN without a comparison or below two images
   * @param ciHigh the upper end of its CI; NaN without a comparison or below two images
   * @param nImages the images the row's numbers are over
   */
  public record Row(String group, String family, double levelPsnr, double meanSparseness, String compareTo,
      double meanDiff, double ciLow, double ciHigh, int nImages) {
    /**
     * Whether the row compares its group with a baseline.
     *
     * @return {@code true} when {@link #compareTo()} is not empty
     */
    public boolean compared() {
      return !compareTo.isEmpty();
    }
  }

  private final Settings settings;
  private final List<String> images;
  private final List<Group> groups;
  private final List<Row> rows;

  private MatchedPsnrComparison(Settings settings, List<String> images, List<Group> groups, List<Row> rows) {
    this.settings = settings;
    this.images = List.copyOf(images);
    this.groups = List.copyOf(groups);
    this.rows = List.copyOf(rows);
  }

  /**
   * The comparison with the {@link Settings#defaults()}.
   *
   * @param sweep the sweep
   * @param outcomes what became of its cells
   * @return the comparison, or empty when the sweep has no {@code solver.lambda} axis of two values or more
   */
  public static Optional<MatchedPsnrComparison> of(Sweep sweep, List<CellOutcome> outcomes) {
    return of(sweep, outcomes, Settings.defaults());
  }

  /**
   * The comparison.
   *
   * @param sweep the sweep
   * @param outcomes what became of its cells (failed ones are left out)
   * @param settings how to compare
   * @return the comparison, or empty when the sweep has no {@code solver.lambda} axis of two values or more
   * @throws IllegalArgumentException when {@link Settings#along()} names neither the variants nor an axis path
   *     other than λ, or {@link Settings#baseline()} is not one of the dimension's values
   */
  public static Optional<MatchedPsnrComparison> of(Sweep sweep, List<CellOutcome> outcomes, Settings settings) {
    Objects.requireNonNull(settings, "settings");
    if (!hasLambdaAxis(sweep)) {
      return Optional.empty();
    }
    List<String> along = along(sweep, settings.along());
    List<String> images = new ArrayList<>();
    Map<String, GroupPoints> byLabel = new LinkedHashMap<>();
    for (CellOutcome o : outcomes) {
      if (o.failed()) {
        continue;
      }
      SweepCell cell = o.cell();
      GroupPoints g = byLabel.computeIfAbsent(label(cell, List.of()),
          l -> new GroupPoints(l, label(cell, along), alongValue(cell, along)));
      g.lambdas.add(lambda(cell));
      for (ImageResult image : o.result().images()) {
        if (!images.contains(image.id())) {
          images.add(image.id());
        }
        g.points.computeIfAbsent(image.id(), k -> new ArrayList<>())
            .add(new double[] {image.metric("psnr"), image.metric("sparseness")});
      }
    }
    String baseline = baseline(sweep, along, settings.baseline());
    List<Group> groups = new ArrayList<>();
    for (GroupPoints g : byLabel.values()) {
      groups.add(g.group(images));
    }
    return Optional.of(new MatchedPsnrComparison(settings, images, groups, rows(groups, baseline, settings)));
  }

  /** Whether some axis sets {@code solver.lambda} to two values or more. */
  static boolean hasLambdaAxis(Sweep sweep) {
    for (SweepAxis axis : sweep.axes()) {
      int p = axis.paths().indexOf(KeyPath.parse(LAMBDA));
      if (p >= 0) {
        Set<Object> values = new HashSet<>();
        for (int i = 0; i < axis.size(); i++) {
          values.add(axis.values(i).get(p));
        }
        if (values.size() >= 2) {
          return true;
        }
      }
    }
    return false;
  }

  /** The paths of the compared dimension ({@value #VARIANT} alone for the variants); empty for none. */
  private static List<String> along(Sweep sweep, String requested) {
    boolean variants = sweep.cells().stream().map(SweepCell::variant).filter(Objects::nonNull).distinct()
        .count() >= 2;
    List<List<String>> candidates = new ArrayList<>();
    for (SweepAxis axis : sweep.axes()) {
      List<String> paths = axis.paths().stream().map(KeyPath::toString).toList();
      if (!paths.contains(LAMBDA)) {
        candidates.add(paths);
      }
    }
    if (requested == null) {
      return variants ? List.of(VARIANT) : candidates.isEmpty() ? List.of() : candidates.get(0);
    }
    if (requested.equals(VARIANT) && sweep.cells().stream().anyMatch(c -> c.variant() != null)) {
      return List.of(VARIANT);
    }
    for (List<String> c : candidates) {
      if (c.contains(requested)) {
        return c;
      }
    }
    throw new IllegalArgumentException("matched PSNR: cannot compare along '" + requested + "'; choose "
        + String.join(", ", candidatesText(sweep, candidates)));
  }

  private static List<String> candidatesText(Sweep sweep, List<List<String>> candidates) {
    List<String> out = new ArrayList<>();
    if (sweep.cells().stream().anyMatch(c -> c.variant() != null)) {
      out.add(VARIANT);
    }
    candidates.forEach(out::addAll);
    return out.isEmpty() ? List.of("(nothing: the sweep sweeps λ alone)") : out;
  }

  /** The baseline's value along the dimension: the requested one, checked, or the first in cell order. */
  private static String baseline(Sweep sweep, List<String> along, String requested) {
    if (along.isEmpty()) {
      return null;
    }
    List<String> values = sweep.cells().stream().map(c -> alongValue(c, along)).distinct().toList();
    if (requested == null) {
      return values.get(0);
    }
    if (values.contains(requested)) {
      return requested;
    }
    throw new IllegalArgumentException("matched PSNR: baseline '" + requested + "' is not a value of "
        + String.join(", ", along) + "; its values: " + String.join("; ", values));
  }

  /** The cell's value along the dimension, as text. */
  private static String alongValue(SweepCell cell, List<String> along) {
    if (along.isEmpty()) {
      return null;
    }
    if (along.equals(List.of(VARIANT))) {
      return cell.variant();
    }
    List<String> parts = new ArrayList<>();
    for (String path : along) {
      parts.add(along.size() == 1 ? Sweep.flow(cell.values().get(path)) : path + "=" + Sweep.flow(cell.values()
          .get(path)));
    }
    return String.join(",", parts);
  }

  /** The label of a cell's group leaving out λ and the given paths ({@value #VARIANT} for the variant). */
  private static String label(SweepCell cell, List<String> leaveOut) {
    List<String> parts = new ArrayList<>();
    if (cell.variant() != null && !leaveOut.contains(VARIANT)) {
      parts.add(cell.variant());
    }
    for (Map.Entry<String, Object> e : cell.values().entrySet()) {
      if (!e.getKey().equals(LAMBDA) && !leaveOut.contains(e.getKey())) {
        parts.add(e.getKey() + "=" + Sweep.flow(e.getValue()));
      }
    }
    if (cell.seed() != null) {
      parts.add("seed=" + cell.seed());
    }
    return parts.isEmpty() ? Sweep.NO_AXES : String.join(",", parts);
  }

  private static double lambda(SweepCell cell) {
    Object v = cell.values().get(LAMBDA);
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  /** A group's points while the outcomes are read. */
  private static final class GroupPoints {
    final String label;
    final String family;
    final String along;
    final List<Double> lambdas = new ArrayList<>();
    final Map<String, List<double[]>> points = new LinkedHashMap<>();

    GroupPoints(String label, String family, String along) {
      this.label = label;
      this.family = family;
      this.along = along;
    }

    Group group(List<String> images) {
      List<SparsenessFront> fronts = new ArrayList<>();
      for (String id : images) {
        List<double[]> pts = points.getOrDefault(id, List.of());
        double[] psnr = new double[pts.size()];
        double[] sparseness = new double[pts.size()];
        for (int j = 0; j < psnr.length; j++) {
          psnr[j] = pts.get(j)[0];
          sparseness[j] = pts.get(j)[1];
        }
        fronts.add(SparsenessFront.of(psnr, sparseness));
      }
      return new Group(label, family, along, lambdas, fronts);
    }
  }

  private static List<Row> rows(List<Group> groups, String baselineValue, Settings s) {
    Map<String, List<Group>> families = new LinkedHashMap<>();
    for (Group g : groups) {
      families.computeIfAbsent(g.family(), f -> new ArrayList<>()).add(g);
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, List<Group>> e : families.entrySet()) {
      List<Group> members = new ArrayList<>(e.getValue());
      Group base = members.stream().filter(g -> g.along() != null && g.along().equals(baselineValue)).findFirst()
          .orElse(null);
      if (base != null) {
        members.remove(base);
        members.add(0, base);
      }
      double[] levels = PsnrMatchedSparseness.levels(members.stream().map(Group::fronts).toList(), s.levels(),
          s.coverage());
      for (Group g : members) {
        if (base == null || g == base) {
          for (double level : levels) {
            double[] values = Arrays.stream(PsnrMatchedSparseness.at(g.fronts(), level))
                .filter(Double::isFinite).toArray();
            rows.add(new Row(g.label(), e.getKey(), level, MeanCi.mean(values), "", Double.NaN, Double.NaN,
                Double.NaN, values.length));
          }
        } else {
          for (MatchedDifference d : PsnrMatchedSparseness.compare(g.fronts(), base.fronts(), levels, s.resamples(),
              s.confidence(), s.seed())) {
            rows.add(new Row(g.label(), e.getKey(), d.psnr(), d.meanA(), base.label(), d.meanDiff(), d.lo(), d.hi(),
                d.n()));
          }
        }
      }
    }
    return rows;
  }

  /**
   * The settings the comparison was made with.
   *
   * @return the settings
   */
  public Settings settings() {
    return settings;
  }

  /**
   * The images, in first-seen order: the index of a group's fronts.
   *
   * @return the image ids
   */
  public List<String> images() {
    return images;
  }

  /**
   * The groups, in first-seen order.
   *
   * @return the groups
   */
  public List<Group> groups() {
    return groups;
  }

  /**
   * Every row (see the class comment).
   *
   * @return the rows
   */
  public List<Row> rows() {
    return rows;
  }

  /**
   * The families' labels, in first-seen order.
   *
   * @return the labels
   */
  public List<String> families() {
    List<String> out = new ArrayList<>();
    for (Group g : groups) {
      if (!out.contains(g.family())) {
        out.add(g.family());
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The text of {@value #FILE}: a header of {@link #COLUMNS}, then one line per row; numbers as
   * {@code Double.toString} writes them ({@code NaN} where there is none), labels quoted when they hold a comma.
   *
   * @return the CSV text, ending with a newline
   */
  public String csv() {
    StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    for (Row r : rows) {
      sb.append(MetricsCsv.quote(r.group())).append(',').append(r.levelPsnr()).append(',')
          .append(r.meanSparseness()).append(',').append(MetricsCsv.quote(r.compareTo())).append(',')
          .append(r.meanDiff()).append(',').append(r.ciLow()).append(',').append(r.ciHigh()).append(',')
          .append(r.nImages()).append('\n');
    }
    return sb.toString();
  }

  /**
   * Writes {@value #FILE} into a directory, atomically.
   *
   * @param directory the sweep's output directory
   * @return the file written
   * @throws IOException if it cannot be written
   */
  public Path write(Path directory) throws IOException {
    Path file = directory.resolve(FILE);
    AtomicFiles.writeString(file, csv());
    return file;
  }

  /**
   * The comparison as an HTML fragment for the sweep's report: a note on the method, then per family a table of
   * each group's mean sparseness at each level and its difference from the baseline with the CI.
   *
   * @return the markup
   */
  public String html() {
    return MatchedPsnrTable.html(this);
  }
}
