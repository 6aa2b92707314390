package org.sparsecode.experiments.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.eval.plot.DictionaryTiles;
import org.sparsecode.eval.plot.LineChart;
import org.sparsecode.eval.plot.OrientationDensity;
import org.sparsecode.eval.plot.ParameterPaths;
import org.sparsecode.eval.plot.ReconstructionPanel;
import org.sparsecode.eval.plot.ScatterPlot;
import org.sparsecode.eval.plot.SecondsChart;
import org.sparsecode.experiments.results.ImageResult;
import org.sparsecode.experiments.results.Json;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.results.RunResult;
import org.sparsecode.learning.refit.AtomFit;
import org.sparsecode.learning.refit.RefitResult;

/**
 * The PNG plots a run writes (results people look at are drawn): {@link
 * RunDirectory#DICTIONARY_PNG} and {@code reconstruction-<id>.png} for the first image of each run, {@link
 * RunDirectory#LEARNING_OBJECTIVE_PNG} and {@link RunDirectory#ORIENTATION_PNG} after learning, {@link
 * RunDirectory#PSNR_PLOT}, {@link RunDirectory#SECONDS_PLOT} and (when a variant learned) the overlaid learning
 * curves over the variants of a file.
 *
 * <p>A plot that cannot be drawn (a JDK without fonts, say) is reported as a warning through the progress
 * reporter and the run goes on: the numbers in {@code results.json} are the run's product, and losing an
 * hour of coding to a missing font would be worse than a missing picture.
 */
public final class RunPlots {
  private RunPlots() {}

  /**
   * Draws the dictionary's kernels as tiles into {@link RunDirectory#DICTIONARY_PNG}, titled with the run's
   * name and the kernels' number and size, with a caption saying how the tiles are laid out.
   */
  static void dictionary(RunDirectory out, String title, Dictionary dictionary, ProgressReporter progress) {
    draw(RunDirectory.DICTIONARY_PNG, progress,
        () -> DictionaryTiles.write(out.file(RunDirectory.DICTIONARY_PNG), title, dictionary));
  }

  /** Draws image, reconstruction and residual into {@code reconstruction-<id>.png}. */
  static void reconstruction(RunDirectory out, Image image, double[] reconstruction, double psnr,
      ProgressReporter progress) {
    String name = RunDirectory.reconstructionPng(image.id());
    draw(name, progress, () -> ReconstructionPanel.write(out.file(name), image, reconstruction, psnr));
  }

  /** The title of the learning curves, after the run's name. */
  private static final String OBJECTIVE_TITLE = ": coding objective of each learning step";
  /** The y axis of the learning curves. */
  private static final String OBJECTIVE_AXIS = "objective ½‖Σ d_k * x_k − s‖² + λ Σ ‖x_k‖₁";

  /** Draws the learner's objective per step into {@link RunDirectory#LEARNING_OBJECTIVE_PNG}. */
  static void learningObjective(RunDirectory out, String title, List<Double> objective,
      ProgressReporter progress) {
    double[] values = objective.stream().mapToDouble(Double::doubleValue).toArray();
    draw(RunDirectory.LEARNING_OBJECTIVE_PNG, progress, () -> LineChart.write(
        out.file(RunDirectory.LEARNING_OBJECTIVE_PNG), title + OBJECTIVE_TITLE, OBJECTIVE_AXIS,
        List.of(new LineChart.Series(title, values))));
  }

  /** Draws the re-fit's (θ, B_θ) distribution into {@link RunDirectory#ORIENTATION_PNG}. */
  static void orientation(RunDirectory out, String title, RefitResult refit, ProgressReporter progress) {
    List<AtomFit> atoms = refit.atoms();
    OrientationDensity.Fits fits = new OrientationDensity.Fits(
        atoms.stream().mapToDouble(AtomFit::theta).toArray(), atoms.stream().mapToDouble(AtomFit::bTheta).toArray(),
        atoms.stream().mapToDouble(AtomFit::r2).toArray(), refit.histogram().bThetaEdges(),
        refit.histogram().bThetaMarginal(), refit.settings().minR2());
    draw(RunDirectory.ORIENTATION_PNG, progress,
        () -> OrientationDensity.write(out.file(RunDirectory.ORIENTATION_PNG), title, fits));
  }

  /** Draws the kernel paths in the (θ, B_θ) plane into {@link RunDirectory#PARAMETER_PATHS_PNG}. */
  static void parameterPaths(RunDirectory out, String title, List<ParameterPaths.KernelPath> paths,
      ProgressReporter progress) {
    draw(RunDirectory.PARAMETER_PATHS_PNG, progress, () -> ParameterPaths.write(
        out.file(RunDirectory.PARAMETER_PATHS_PNG), title + ": learned (θ, B_θ) of each kernel", paths));
  }

  /**
   * Draws the comparison of the variants from their results: PSNR against sparseness (one point per image)
   * and seconds per image.
   *
   * @return the names of the files written, for the links in {@code comparison.md}
   */
  static List<String> comparison(RunDirectory root, String title, Map<String, RunResult> results,
      ProgressReporter progress) {
    List<ScatterPlot.Series> series = new ArrayList<>();
    List<SecondsChart.Bar> bars = new ArrayList<>();
    results.forEach((variant, r) -> {
      List<ImageResult> images = r.images();
      double[] sparseness = images.stream().mapToDouble(m -> m.metric("sparseness")).toArray();
      double[] psnr = images.stream().mapToDouble(m -> m.metric("psnr")).toArray();
      double[] seconds = images.stream().mapToDouble(ImageResult::seconds).toArray();
      series.add(new ScatterPlot.Series(variant, sparseness, psnr));
      bars.add(new SecondsChart.Bar(variant, seconds));
    });
    List<String> written = new ArrayList<>();
    List<LineChart.Series> curves = new ArrayList<>();
    results.forEach((variant, r) -> {
      if (r.learning() != null && r.learning().get("objective") instanceof List<?> o) {
        curves.add(new LineChart.Series(variant, o.stream().mapToDouble(Json::number).toArray()));
      }
    });
    if (!curves.isEmpty() && draw(RunDirectory.LEARNING_OBJECTIVE_PNG, progress, () -> LineChart.write(
        root.file(RunDirectory.LEARNING_OBJECTIVE_PNG), title + OBJECTIVE_TITLE, OBJECTIVE_AXIS, curves))) {
      written.add(RunDirectory.LEARNING_OBJECTIVE_PNG);
    }
    if (draw(RunDirectory.PSNR_PLOT, progress,
        () -> ScatterPlot.write(root.file(RunDirectory.PSNR_PLOT), title + ": PSNR vs sparseness", series))) {
      written.add(RunDirectory.PSNR_PLOT);
    }
    if (draw(RunDirectory.SECONDS_PLOT, progress,
        () -> SecondsChart.write(root.file(RunDirectory.SECONDS_PLOT), title + ": solve time", bars))) {
      written.add(RunDirectory.SECONDS_PLOT);
    }
    written.addAll(StudyPlots.comparison(root, title, results, progress));
    return written;
  }

  /**
   * One drawing at a time in this process. The plots share nothing but Java2D's state (fonts, glyph caches), and
   * a sweep whose cells drew together once wrote a dictionary.png unlike an uninterrupted sweep's, from the same
   * dictionary.npy: a resumed run must write the files an uninterrupted run writes, byte for byte, so drawings
   * do not overlap. They take milliseconds beside the coding. A drawing stuck past its time limit keeps the lock,
   * and the drawings after it give up in turn, each after its own limit.
   */
  private static final Object DRAWING = new Object();

  /** How long a drawing may take before the run goes on without it. */
  static final Duration DRAWING_TIMEOUT = Duration.ofMinutes(2);

  /**
   * Runs a drawing on a daemon thread, after any other drawing of this process has finished; on failure, or when
   * it has not finished within {@link #DRAWING_TIMEOUT} (a plotting library stuck on a degenerate axis), warns
   * through the progress reporter and returns false, so that a picture never costs the run its numbers.
   *
   * @param name the file drawn, for the warning
   * @param progress where a warning goes
   * @param drawing draws and writes the file
   * @return whether the drawing finished
   */
  public static boolean draw(String name, ProgressReporter progress, Runnable drawing) {
    return draw(name, progress, drawing, DRAWING_TIMEOUT);
  }

  /** {@link #draw(String, ProgressReporter, Runnable)} with another time limit. */
  static boolean draw(String name, ProgressReporter progress, Runnable drawing, Duration timeout) {
    FutureTask<Void> task = new FutureTask<>(() -> {
      synchronized (DRAWING) {
        drawing.run();
      }
    }, null);
    Thread thread = new Thread(task, "draw " + name);
    thread.setDaemon(true);
    thread.start();
    try {
      task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      thread.interrupt();
      progress.info("warning: gave up drawing " + name + " after " + timeout.toMillis() / 1000.0
          + " s (the run goes on without it)");
      return false;
    } catch (ExecutionException e) {
      progress.info("warning: could not draw " + name + " (the run goes on without it): " + e.getCause());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      progress.info("warning: interrupted while drawing " + name);
      return false;
    }
  }
}
