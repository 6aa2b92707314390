package org.sparsecode.experiments.testplugins;

import java.util.ArrayList;
import java.util.List;
import org.sparsecode.api.Checks;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.api.solver.SolveListener;
import org.sparsecode.api.solver.SolverException;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.api.solver.SparseSolver;

/**
 * A test solver for the run engine ({@code type: engine-test-solver}), exact for the delta kernel of
 * {@link EngineTestKernelsPlugin}: map 0 is the soft-thresholded image, map 1 is zero. It reports
 * {@code iterations} iterations, and throws a {@link SolverException} at iteration {@code failAt} when set.
 */
public final class EngineTestSolverPlugin implements Plugin<SparseSolver> {

  /**
   * Settings.
   *
   * @param lambda the threshold, default 0.1
   * @param iterations iterations reported, default 3
   * @param failAt the iteration at which to fail, default none
   */
  public record Settings(Double lambda, Integer iterations, Integer failAt) {
    /** Defaults and checks. */
    public Settings {
      lambda = Checks.nonNegative("lambda", lambda == null ? 0.1 : lambda);
      iterations = Checks.atLeast("iterations", iterations == null ? 3 : iterations, 1);
    }
  }

  /**
   * The code this solver returns: map 0 the image soft-thresholded at λ, the other maps zero.
   *
   * @param dictionary the kernels (their count)
   * @param image the image
   * @param lambda the threshold
   * @return the code
   */
  static SparseCode code(Dictionary dictionary, Image image, double lambda) {
    int area = image.area();
    double[] x = new double[dictionary.count() * area];
    for (int i = 0; i < area; i++) {
      double v = image.pixels()[i];
      x[i] = Math.signum(v) * Math.max(Math.abs(v) - lambda, 0);
    }
    return SparseCode.fromDense(dictionary.count(), image.height(), image.width(), x);
  }

  /**
   * The row this solver reports at an iteration: objective 1/(it + 1).
   *
   * @param it the iteration
   * @return the row
   */
  static IterationStats row(int it) {
    return new IterationStats(it, 1.0 / (it + 1), 0, 0, 0, 0, 0, 0, 1, 0);
  }

  @Override
  public String name() {
    return "engine-test-solver";
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
    return new SparseSolver() {
      @Override
      public CodingResult solve(Dictionary dictionary, Image image, SolveListener listener) {
        List<IterationStats> stats = new ArrayList<>();
        for (int it = 0; it < s.iterations(); it++) {
          if (s.failAt() != null && it == s.failAt()) {
            throw new SolverException(it, "objective is NaN");
          }
          IterationStats row = row(it);
          stats.add(row);
          listener.onIteration(row);
        }
        return new CodingResult(code(dictionary, image, s.lambda()), stats, s.iterations(), true);
      }

      @Override
      public double lambda() {
        return s.lambda();
      }
    };
  }
}
