package org.sparsecode.experiments.testplugins;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.sparsecode.api.Checks;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.BatchSolver;
import org.sparsecode.api.solver.BatchSolverException;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.api.solver.SolveListener;
import org.sparsecode.api.solver.SparseSolver;

/**
 * A test {@link BatchSolver} for the run engine ({@code type: engine-test-batch-solver}): codes each image as
 * {@link EngineTestSolverPlugin} does (so a run's results equal that solver's), records the ids of every batch it
 * is handed in {@link #BATCHES}, and fails with a {@link BatchSolverException} on the image whose id is in
 * {@link #FAIL_ON} (set by a test; a field rather than a setting, so that a run that failed and the run that
 * resumes it have the same configuration).
 */
public final class EngineTestBatchSolverPlugin implements Plugin<SparseSolver> {
  /** The ids of the images of every batch handed to a solver, in order. */
  public static final List<List<String>> BATCHES = Collections.synchronizedList(new ArrayList<>());
  /** The id of the image to fail on, or null. */
  public static volatile String FAIL_ON;

  /**
   * Settings.
   *
   * @param lambda the threshold, default 0.1
   * @param batch images per call, default 2
   */
  public record Settings(Double lambda, Integer batch) {
    /** Defaults and checks. */
    public Settings {
      lambda = Checks.nonNegative("lambda", lambda == null ? 0.1 : lambda);
      batch = Checks.atLeast("batch", batch == null ? 2 : batch, 1);
    }
  }

  @Override
  public String name() {
    return "engine-test-batch-solver";
  }

  @Override
  public Class<SparseSolver> role() {
    return SparseSolver.class;
  }

  @Override
  public Class<? extends Record> settings() {
    return Settings.class;
  }

  @Override
  public SparseSolver create(Record settings, PluginContext context) {
    Settings s = (Settings) settings;
    return new BatchSolver() {
      @Override
      public int batchSize() {
        return s.batch();
      }

      @Override
      public List<CodingResult> solveBatch(Dictionary dictionary, List<Image> images, List<SolveListener> listeners) {
        BATCHES.add(images.stream().map(Image::id).toList());
        List<CodingResult> out = new ArrayList<>();
        for (int it = 0; it < 3; it++) {
          for (int b = 0; b < images.size(); b++) {
            if (it == 1 && images.get(b).id().equals(FAIL_ON)) {
              throw new BatchSolverException(b, images.get(b).id(), it, "objective is NaN");
            }
            listeners.get(b).onIteration(EngineTestSolverPlugin.row(it));
          }
        }
        for (Image image : images) {
          List<IterationStats> stats = new ArrayList<>();
          for (int it = 0; it < 3; it++) {
            stats.add(EngineTestSolverPlugin.row(it));
          }
          out.add(new CodingResult(EngineTestSolverPlugin.code(dictionary, image, s.lambda()), stats, 3, true));
        }
        return out;
      }

      @Override
      public double lambda() {
        return s.lambda();
      }

      @Override
      public Map<String, String> device() {
        return Map.of("library", "test");
      }
    };
  }
}
