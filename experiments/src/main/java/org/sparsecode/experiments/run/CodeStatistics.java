package org.sparsecode.experiments.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.io.NpyArray;
import org.sparsecode.core.io.Npz;
import org.sparsecode.eval.coefficients.CoefficientHistogram;
import org.sparsecode.eval.coefficients.ExponentialFit;
import org.sparsecode.eval.coefficients.OrientationActivity;
import org.sparsecode.eval.coefficients.OrientationActivity.Measure;
import org.sparsecode.eval.coefficients.metric.CoefficientHistogramMetric;
import org.sparsecode.eval.coefficients.metric.OrientationActivityMetric;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.sparsecode.experiments.results.RunDirectory;

/**
 * The coefficient statistics of a run pooled over its images (the paper's Part one analyses): when the run
 * lists the {@code coefficient-histogram} or the {@code orientation-activity} metric, the engine hands every
 * image's code to {@link #add}, and {@link #write} writes at the end of the run
 * <ul>
 *   <li>{@value #HISTOGRAM_CSV}: per bin, the pooled count and probability, the mean over images of each
 *       image's probability, and the exponential fit to the pooled probabilities;</li>
 *   <li>{@value #ORIENTATION_CSV}: per B_θ group and θ, the pooled activity, its share within the group and
 *       the two-peak von Mises fit to the shares (log-Gabor dictionaries only);</li>
 *   <li>{@value #JSON}: the pooled fits (a, b, R²; per B_θ μ₁, κ₁, μ₂, κ₂, R² and the energy share) and the
 *       mean, median, sd, min and max over images of each image's a, b and R² (the numbers read from the
 *       paper's figures), with the number of images pooled;</li>
 *   <li>the plots {@value #HISTOGRAM_PNG}, {@value #ORIENTATION_PNG} and {@value #ENERGY_PNG}.</li>
 * </ul>
 *
 * <p>The histogram bins the signed values, so x &gt; 0 only (the paper's {@code np.histogram} on [0.01, 1]).
 * Pooling adds counts (each coefficient weighs the same); the paper fits each image, which the per-image
 * summary gives. The activity measure is the {@code orientation-activity} metric's ({@code count} by default).
 * A dictionary whose kernels do not all carry θ and B_θ (learned, random) gets no orientation statistics; the
 * log says so.
 *
 * <p><b>Resumed runs.</b> After each image the sums are saved atomically to {@value #PARTIAL}, together with
 * the sums before that image (a run killed between this file and results.json is one image ahead of
 * results.json); a resumed run restores the sums that end where its earlier images end, so the pooled
 * statistics cover every image. The file is deleted once results.json says the run is complete. Should it be missing
 * or not match, the statistics pool only the images coded by this run, and {@value #JSON} says so
 * ({@code pooledImages} &lt; {@code images}, {@code firstPooledImage}) and the log warns.
 */
public final class CodeStatistics {
  /** Pooled histogram, one row per bin (CSV). */
  public static final String HISTOGRAM_CSV = "coefficient-histogram.csv";
  /** Pooled activity over θ per B_θ, one row per (B_θ, θ) (CSV, radians and degrees). */
  public static final String ORIENTATION_CSV = "orientation-activity.csv";
  /** Pooled fits and the per-image fit summaries (JSON). */
  public static final String JSON = "coefficients.json";
  /** The pooled histogram with its exponential fit (PNG). */
  public static final String HISTOGRAM_PNG = "coefficient-histogram.png";
  /** Polar plots of the pooled activity over θ, one panel per B_θ (PNG). */
  public static final String ORIENTATION_PNG = "orientation-activity.png";
  /** The share of coefficient energy per B_θ (PNG). */
  public static final String ENERGY_PNG = "energy-btheta.png";
  /** The sums so far, while the run codes (deleted at the end). */
  public static final String PARTIAL = RunDirectory.PARTIAL_SUMS;

  private static final int BINS = CoefficientHistogram.BINS;

  private final boolean enabled;
  private final Measure measure;
  private final RunDirectory out;
  private final ProgressReporter progress;
  private final String title;

  /** Decided at the first image: whether the dictionary carries θ and B_θ. */
  private Boolean orientation;
  private double[] bThetas;
  private double[][] thetas;
  private Sums current;
  private Sums previous;
  private final List<double[]> perImageFits = new ArrayList<>();

  /**
   * Creates the accumulator.
   *
   * @param enabled whether anything is pooled and written at all
   * @param measure what the orientation activity sums
   * @param out the run directory
   * @param progress where log lines go
   * @param title the plots' title (the run's name)
   */
  CodeStatistics(boolean enabled, Measure measure, RunDirectory out, ProgressReporter progress, String title) {
    this.enabled = enabled;
    this.measure = measure;
    this.out = out;
    this.progress = progress;
    this.title = title;
  }

  /**
   * The accumulator of a run: enabled when the run lists {@code coefficient-histogram} or
   * {@code orientation-activity}, with the latter's measure.
   *
   * @param config the experiment (for the title)
   * @param metrics the listed metrics
   * @param out the run directory
   * @param progress the progress reporter
   * @return the accumulator (a no-op when neither metric is listed)
   */
  static CodeStatistics of(ExperimentConfig config, List<NamedMetric> metrics, RunDirectory out,
      ProgressReporter progress) {
    boolean enabled = false;
    Measure measure = Measure.COUNT;
    for (NamedMetric m : metrics) {
      if (m.metric() instanceof CoefficientHistogramMetric) {
        enabled = true;
      } else if (m.metric() instanceof OrientationActivityMetric o) {
        enabled = true;
        measure = o.settings().asMeasure();
      }
    }
    String title = config.variant() == null ? config.name() : config.name() + "/" + config.variant();
    return new CodeStatistics(enabled, measure, out, progress, title);
  }

  /**
   * Whether the statistics are gathered.
   *
   * @return {@code true} when one of the two metrics is listed
   */
  boolean enabled() {
    return enabled;
  }

  /**
   * Adds one image's code and saves the sums to {@value #PARTIAL}.
   *
   * @param index the image's position in the run (0-based); a first call with index &gt; 0 means the run
   *     resumed, and the sums of the earlier images are restored from {@value #PARTIAL} when it matches
   * @param dictionary the dictionary the code was computed with
   * @param code the image's code
   */
  void add(int index, Dictionary dictionary, SparseCode code) {
    if (!enabled) {
      return;
    }
    if (current == null) {
      start(dictionary);
      current = index > 0 ? restore(index) : null;
      if (current == null) {
        if (index > 0) {
          progress.info("warning: coefficient statistics: " + PARTIAL + " does not hold the sums of images 1.."
              + index + "; the pooled statistics cover images " + (index + 1) + " on only");
        }
        current = Sums.empty(index, groupSizes());
      }
    }
    previous = current.copy();
    CoefficientHistogram h = CoefficientHistogram.of(code);
    long[] counts = h.counts();
    double[] p = h.probabilities();
    for (int i = 0; i < BINS; i++) {
      current.counts[i] += counts[i];
      current.probabilitySum[i] += p[i];
    }
    current.below += h.belowRange();
    current.above += h.aboveRange();
    if (h.total() > 0) {
      current.withCounts++;
    }
    ExponentialFit fit = h.fit();
    perImageFits.add(new double[] {fit.a(), fit.b(), fit.rSquared()});
    if (orientation) {
      List<OrientationActivity.Group> groups = OrientationActivity.of(dictionary, code, measure).groups();
      int at = 0;
      for (int g = 0; g < groups.size(); g++) {
        double[] a = groups.get(g).activity();
        for (double v : a) {
          current.activity[at++] += v;
        }
        current.energy[g] += groups.get(g).energy();
      }
    }
    current.pooled++;
    save();
  }

  /** Decides, once, whether the orientation statistics apply, and fixes the groups' layout. */
  private void start(Dictionary dictionary) {
    orientation = OrientationActivityMetric.applies(dictionary);
    if (!orientation) {
      progress.info("orientation activity skipped: the dictionary's kernels carry no θ and B_θ (learned, random "
          + "or Gabor kernels); only the coefficient histogram is pooled");
      bThetas = new double[0];
      thetas = new double[0][];
      return;
    }
    List<OrientationActivity.Group> groups = OrientationActivity.pooled(dictionary, List.of(), measure).groups();
    bThetas = new double[groups.size()];
    thetas = new double[groups.size()][];
    for (int g = 0; g < groups.size(); g++) {
      bThetas[g] = groups.get(g).bTheta();
      thetas[g] = groups.get(g).thetas();
    }
  }

  private int[] groupSizes() {
    int[] sizes = new int[thetas.length];
    for (int g = 0; g < sizes.length; g++) {
      sizes[g] = thetas[g].length;
    }
    return sizes;
  }

  /**
   * Writes the files and plots. With no image added (a resumed run whose images were all coded before), the
   * sums of all {@code images} are restored from {@value #PARTIAL} first. {@value #PARTIAL} stays until
   * {@link #discardPartial()}: a run killed before its results.json says complete resumes with every image
   * coded, and needs it again.
   *
   * @param images the number of images of the run
   * @param dictionary the dictionary of the run
   */
  void write(int images, Dictionary dictionary) {
    if (!enabled) {
      return;
    }
    if (current == null) {
      start(dictionary);
      current = images > 0 ? restore(images) : null;
      if (current == null) {
        if (images > 0) {
          progress.info("warning: coefficient statistics: " + PARTIAL + " does not hold the sums of the "
              + images + " images coded earlier; nothing pooled");
        }
        current = Sums.empty(images, groupSizes());
      }
    }
    CodeStatisticsOutput.write(this, images);
  }

  /** Deletes {@value #PARTIAL}, once results.json says the run is complete. */
  void discardPartial() {
    try {
      Files.deleteIfExists(out.file(PARTIAL));
    } catch (IOException e) {
      progress.info("warning: cannot delete " + out.file(PARTIAL) + ": " + e.getMessage());
    }
  }

  // ---- what the output writer reads

  RunDirectory out() {
    return out;
  }

  ProgressReporter progress() {
    return progress;
  }

  String title() {
    return title;
  }

  Measure measure() {
    return measure;
  }

  boolean orientation() {
    return orientation;
  }

  double[] bThetas() {
    return bThetas;
  }

  double[][] thetas() {
    return thetas;
  }

  Sums sums() {
    return current;
  }

  /**
   * The fits of the pooled images, one {@code {a, b, R²}} per image.
   *
   * @return the fits in image order
   */
  List<double[]> perImageFits() {
    return perImageFits;
  }

  // ---- persistence

  private void save() {
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    current.into(arrays, "");
    previous.into(arrays, "previous_");
    int n = perImageFits.size();
    double[] fits = new double[3 * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(perImageFits.get(i), 0, fits, 3 * i, 3);
    }
    arrays.put("fits", NpyArray.of(fits, n, 3));
    Npz.write(out.file(PARTIAL), arrays);
  }

  /** The saved sums (current or previous) that end at image {@code end}, or null. */
  private Sums restore(int end) {
    Path file = out.file(PARTIAL);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Map<String, NpyArray> arrays;
    try {
      arrays = Npz.read(file);
    } catch (SparsecodeException e) {
      return null;
    }
    int[] sizes = groupSizes();
    for (String prefix : new String[] {"", "previous_"}) {
      Sums s = Sums.from(arrays, prefix, sizes);
      NpyArray fits = arrays.get("fits");
      if (s != null && s.first == 0 && s.pooled == end && fits != null && fits.rank() == 2 && fits.dim(1) == 3
          && fits.dim(0) >= end) {
        for (int i = 0; i < end; i++) {
          perImageFits.add(Arrays.copyOfRange(fits.data(), 3 * i, 3 * i + 3));
        }
        progress.info("coefficient statistics: restored the sums of images 1.." + end + " from " + PARTIAL);
        return s;
      }
    }
    return null;
  }

  /** The running sums; a copy is kept of the state before the last image. */
  static final class Sums {
    int first;
    int pooled;
    long below;
    long above;
    int withCounts;
    long[] counts = new long[BINS];
    double[] probabilitySum = new double[BINS];
    double[] activity;
    double[] energy;

    static Sums empty(int first, int[] groupSizes) {
      Sums s = new Sums();
      s.first = first;
      int cells = 0;
      for (int n : groupSizes) {
        cells += n;
      }
      s.activity = new double[cells];
      s.energy = new double[groupSizes.length];
      return s;
    }

    Sums copy() {
      Sums s = new Sums();
      s.first = first;
      s.pooled = pooled;
      s.below = below;
      s.above = above;
      s.withCounts = withCounts;
      s.counts = counts.clone();
      s.probabilitySum = probabilitySum.clone();
      s.activity = activity.clone();
      s.energy = energy.clone();
      return s;
    }

    /** The activity of group g, a view copied out of the flat array. */
    double[] activity(int g, int[] groupSizes) {
      int at = 0;
      for (int i = 0; i < g; i++) {
        at += groupSizes[i];
      }
      return Arrays.copyOfRange(activity, at, at + groupSizes[g]);
    }

    void into(Map<String, NpyArray> arrays, String prefix) {
      arrays.put(prefix + "state", NpyArray.of(new double[] {first, pooled, below, above, withCounts}, 5));
      double[] c = new double[BINS];
      for (int i = 0; i < BINS; i++) {
        c[i] = counts[i];
      }
      arrays.put(prefix + "counts", NpyArray.of(c, BINS));
      arrays.put(prefix + "probability_sum", NpyArray.of(probabilitySum.clone(), BINS));
      arrays.put(prefix + "activity", NpyArray.of(activity.clone(), activity.length));
      arrays.put(prefix + "energy", NpyArray.of(energy.clone(), energy.length));
    }

    /** The sums saved under a prefix, or null when absent or of another shape. */
    static Sums from(Map<String, NpyArray> arrays, String prefix, int[] groupSizes) {
      NpyArray state = arrays.get(prefix + "state");
      NpyArray counts = arrays.get(prefix + "counts");
      NpyArray prob = arrays.get(prefix + "probability_sum");
      NpyArray activity = arrays.get(prefix + "activity");
      NpyArray energy = arrays.get(prefix + "energy");
      Sums s = empty(0, groupSizes);
      if (state == null || counts == null || prob == null || activity == null || energy == null
          || state.data().length != 5 || counts.data().length != BINS || prob.data().length != BINS
          || activity.data().length != s.activity.length || energy.data().length != s.energy.length) {
        return null;
      }
      double[] st = state.data();
      s.first = (int) st[0];
      s.pooled = (int) st[1];
      s.below = (long) st[2];
      s.above = (long) st[3];
      s.withCounts = (int) st[4];
      for (int i = 0; i < BINS; i++) {
        s.counts[i] = (long) counts.data()[i];
      }
      s.probabilitySum = prob.data().clone();
      s.activity = activity.data().clone();
      s.energy = energy.data().clone();
      return s;
    }
  }
}
