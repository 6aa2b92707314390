package org.example.sparsecode;

import java.util.List;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.api.solver.SolveListener;
import org.sparsecode.api.solver.SolverException;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.api.solver.SparseSolver;

/**
 * The simplest convolutional coder: x_k = α · soft(d_k ⋆ s / ‖d_k‖², λ), one pass, no iteration, where α is
 * the one factor that best fits the reconstruction to the image (least squares): without it the overlapping
 * atoms add up to several times the image. A baseline, and an example of a solver living in its own jar.
 */
final class CorrelationThresholdSolver implements SparseSolver {
  private final double lambda;

  CorrelationThresholdSolver(double lambda) {
    this.lambda = lambda;
  }

  @Override
  public CodingResult solve(Dictionary d, Image s, SolveListener listener) {
    check(d, s);
    int h = s.height();
    int w = s.width();
    int k = d.size();
    double[] x = new double[d.count() * h * w];
    for (int m = 0; m < d.count(); m++) {
      double norm2 = d.norm(m) * d.norm(m);
      for (int y = 0; y < h; y++) {
        for (int c = 0; c < w; c++) {
          // correlation with the atom whose [0, 0] element sits at (y, c), SPORCO's convention
          double corr = 0;
          for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
              corr += d.get(m, i, j) * s.pixels()[((y + i) % h) * w + (c + j) % w];
            }
          }
          double v = corr / norm2;
          x[(m * h + y) * w + c] = Math.signum(v) * Math.max(Math.abs(v) - lambda, 0);
        }
      }
    }
    double[] rec = SparseCode.fromDense(d.count(), h, w, x).reconstruct(d);
    double dot = 0;
    double energy = 0;
    for (int i = 0; i < rec.length; i++) {
      dot += rec[i] * s.pixels()[i];
      energy += rec[i] * rec[i];
    }
    double alpha = energy > 0 ? dot / energy : 0;
    for (int i = 0; i < x.length; i++) {
      x[i] *= alpha;
    }
    for (int i = 0; i < rec.length; i++) {
      rec[i] *= alpha;
    }
    SparseCode code = SparseCode.fromDense(d.count(), h, w, x);
    double fid = 0;
    for (int i = 0; i < rec.length; i++) {
      fid += 0.5 * (rec[i] - s.pixels()[i]) * (rec[i] - s.pixels()[i]);
    }
    IterationStats row = new IterationStats(0, fid + lambda * code.l1(), fid, code.l1(), Double.NaN,
        Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    listener.onIteration(row);
    return new CodingResult(code, List.of(row), 1, true);
  }

  /**
   * The SPI's laws on inputs (the contract kit checks them): a colour image or one smaller than the kernels is an
   * IllegalArgumentException, a NaN or infinite value a SolverException.
   */
  private static void check(Dictionary d, Image s) {
    if (!s.isGrey()) {
      throw new IllegalArgumentException("correlation-threshold codes grey images; image " + s.id() + " has "
          + s.channels() + " channels (add a grey preprocessing step)");
    }
    if (d.size() > s.height() || d.size() > s.width()) {
      throw new IllegalArgumentException("kernels of " + d.size() + "x" + d.size() + " are larger than image "
          + s.id() + " (" + s.height() + "x" + s.width() + ")");
    }
    for (double v : s.pixels()) {
      if (!Double.isFinite(v)) {
        throw new SolverException(-1, "correlation-threshold: image " + s.id() + " holds NaN or infinite values");
      }
    }
    for (double v : d.kernels()) {
      if (!Double.isFinite(v)) {
        throw new SolverException(-1, "correlation-threshold: the dictionary holds NaN or infinite values");
      }
    }
  }

  @Override
  public double lambda() {
    return lambda;
  }
}
