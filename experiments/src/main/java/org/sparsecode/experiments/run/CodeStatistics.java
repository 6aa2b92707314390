package org.sparsecode.experiments.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.io.Npz;
import org.sparsecode.eval.coefficients.CoefficientPool;
import org.sparsecode.eval.coefficients.OrientationActivity.Measure;
import org.sparsecode.eval.coefficients.metric.CoefficientHistogramMetric;
import org.sparsecode.eval.coefficients.metric.OrientationActivityMetric;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.sparsecode.experiments.results.RunDirectory;

/**
 * The coefficient statistics of a run pooled over its images (the paper's Part one analyses): when the run
 * lists the {@code coefficient-histogram} or the {@code orientation-activity} metric, the engine hands every
 * image's code to {@link #add}, which pools it in a {@link CoefficientPool} (the pooling and its numbers live
 * there), and {@link #write} writes at the end of the run
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
 * <p><b>Resumed runs.</b> After each image the pool, which keeps each image's contribution apart, is saved
 * atomically to {@value #PARTIAL} ({@link CoefficientPool#toArrays}); a resumed run restores the images before
 * the first one it codes (a run killed between this file and results.json is one image ahead of results.json,
 * and codes that image again), so the pooled statistics cover every image and equal, bit for bit, those of an
 * uninterrupted run. The file is deleted once results.json says the run is complete. Should it be missing
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
  /** The pool so far, while the run codes (deleted at the end). */
  public static final String PARTIAL = RunDirectory.PARTIAL_SUMS;

  private final boolean enabled;
  private final Measure measure;
  private final RunDirectory out;
  private final ProgressReporter progress;
  private final String title;

  /** Made at the first image (or at {@link #write} when no image was coded). */
  private CoefficientPool pool;
  /** The index of the first image this run pools when nothing is pooled yet (for coefficients.json). */
  private int first;

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
   * Adds one image's code and saves the pool to {@value #PARTIAL}.
   *
   * @param index the image's position in the run (0-based); a first call with index &gt; 0 means the run
   *     resumed, and the earlier images are restored from {@value #PARTIAL} when it holds them
   * @param dictionary the dictionary the code was computed with
   * @param code the image's code
   */
  void add(int index, Dictionary dictionary, SparseCode code) {
    if (!enabled) {
      return;
    }
    if (pool == null) {
      start(dictionary, index);
      if (pool.isEmpty() && index > 0) {
        progress.info("warning: coefficient statistics: " + PARTIAL + " does not hold the sums of images 1.."
            + index + "; the pooled statistics cover images " + (index + 1) + " on only");
      }
    }
    pool.add(index, dictionary, code);
    Npz.write(out.file(PARTIAL), pool.toArrays());
  }

  /**
   * Makes the pool of the dictionary, with images 0..end-1 restored from {@value #PARTIAL} when it holds them
   * all, and says once when the orientation statistics do not apply.
   */
  private void start(Dictionary dictionary, int end) {
    pool = CoefficientPool.of(dictionary, measure);
    first = end;
    if (!pool.orientation()) {
      progress.info("orientation activity skipped: the dictionary's kernels carry no θ and B_θ (learned, random "
          + "or Gabor kernels); only the coefficient histogram is pooled");
    }
    CoefficientPool saved = end > 0 ? restore(pool) : null;
    if (saved != null) {
      CoefficientPool earlier = saved.before(end);
      // indices are distinct and in [0, end): end of them are images 0..end-1
      if (earlier.size() == end) {
        pool = earlier;
        progress.info("coefficient statistics: restored the sums of images 1.." + end + " from " + PARTIAL);
      }
    }
  }

  /** The pool saved in {@value #PARTIAL} when it is readable and of the same dictionary and measure, or null. */
  private CoefficientPool restore(CoefficientPool empty) {
    Path file = out.file(PARTIAL);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      CoefficientPool saved = CoefficientPool.fromArrays(Npz.read(file), PARTIAL);
      return saved.compatibleWith(empty) ? saved : null;
    } catch (SparsecodeException | IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Writes the files and plots. With no image added (a resumed run whose images were all coded before), the
   * images are restored from {@value #PARTIAL} first. {@value #PARTIAL} stays until
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
    if (pool == null) {
      start(dictionary, images);
      if (pool.isEmpty() && images > 0) {
        progress.info("warning: coefficient statistics: " + PARTIAL + " does not hold the sums of the "
            + images + " images coded earlier; nothing pooled");
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

  /**
   * The pool of the run.
   *
   * @return the pool; null before the first image
   */
  CoefficientPool pool() {
    return pool;
  }

  /**
   * The index of the first pooled image (0-based); with nothing pooled, where pooling would have started.
   *
   * @return the index
   */
  int firstPooled() {
    return pool.isEmpty() ? first : pool.images()[0];
  }
}
