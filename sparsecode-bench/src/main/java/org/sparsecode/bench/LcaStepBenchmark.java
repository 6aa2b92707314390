package org.sparsecode.bench;

import java.util.Locale;
import org.openjdk.jmh.annotations.Benchmark;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.solver.admm.CbpdnAdmmSettings;
import org.sparsecode.core.solver.admm.ConvBpdnAdmm;
import org.sparsecode.core.solver.lca.Lca;
import org.sparsecode.core.solver.lca.LcaSettings;

/**
 * One {@code lca} step (threshold, 2K FFTs, residual and drive, potential update, statistics) at the paper's
 * size: 144 kernels of 12 × 12 on a 256 × 256 image, λ = 1e-2, soft threshold, τ = L. The workspace is
 * prepared once per trial and warmed by 20 steps; each call advances the same solve by one step. Run it in the
 * same JMH invocation as {@link FistaIterationBenchmark} to get the ratio (the target is within 1.3× of a
 * FISTA iteration): {@code java -jar benchmarks.jar "LcaStepBenchmark|FistaIterationBenchmark"}.
 *
 * <p>{@link #main} is not a benchmark: it counts the LCA steps needed to reach the PSNR of 100
 * {@code cbpdn-admm} iterations on the same problem (see RESULTS.md).
 */
public class LcaStepBenchmark extends SolverStepBenchmark<Lca.Workspace> {

  /** Prepares the workspace, then warms it by 20 iterations. */
  public LcaStepBenchmark() {
    super(20);
  }

  @Override
  protected Lca.Workspace open(Precision precision, int threads, Dictionary dictionary, Image image) {
    return new Lca(LcaSettings.defaults(), precision, threads).workspace(dictionary, image, null);
  }

  @Override
  protected IterationStats iterate(Lca.Workspace w) {
    return w.iterate();
  }

  /**
   * One LCA step.
   *
   * @return the step's statistics (consumed by JMH)
   */
  @Benchmark
  public IterationStats step() {
    return workspace.iterate();
  }

  /**
   * SPORCO's {@code metric.psnr}: {@code 10 log10(range(s)² / mean((s − r)²))}, the peak being the range of
   * the reference image (fixtures README).
   */
  private static double psnr(double range, double meanSquaredError) {
    return 10 * Math.log10(range * range / meanSquaredError);
  }

  /**
   * Counts the LCA steps (from u = 0, λ = 1e-2, τ = L, soft threshold) needed to reach the PSNR of 100
   * {@code cbpdn-admm} iterations (the paper's call, relStopTol 0) on the paper's problem, and prints the
   * PSNR and the number of non-zeros along the way.
   *
   * @param args {@code [maxSteps [threads [precision]]]}: defaults 30000, all processors, float32
   */
  public static void main(String[] args) {
    int maxSteps = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    Precision precision = args.length > 2 ? Precision.parse(args[2]) : Precision.FLOAT32;
    Dictionary d = PaperProblem.dictionary();
    Image s = PaperProblem.image();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : s.pixels()) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double range = max - min;
    int area = s.area();

    long t0 = System.nanoTime();
    SparseCode admm = new ConvBpdnAdmm(new CbpdnAdmmSettings(1e-2, 100, 0.0, null, null, null, null, null, null),
        precision, threads).solve(d, s).code();
    double admmSeconds = (System.nanoTime() - t0) * 1e-9;
    double[] rec = admm.reconstruct(d);
    double mse = 0;
    for (int i = 0; i < area; i++) {
      double e = rec[i] - s.pixels()[i];
      mse += e * e;
    }
    double target = psnr(range, mse / area);
    System.out.printf(Locale.ROOT, "cbpdn-admm 100 iterations (%s, %d threads): PSNR %.3f dB, %d non-zeros,"
        + " %.1f s%n", precision.yamlName(), threads, target, admm.nonZeros(), admmSeconds);

    Lca lca = new Lca(new LcaSettings(1e-2, null, maxSteps, 0.0, "soft", false), precision, threads);
    try (Lca.Workspace w = lca.workspace(d, s, null)) {
      long t1 = System.nanoTime();
      System.out.printf(Locale.ROOT, "lca tau %.4f%n", w.tau());
      int next = 1;
      for (int step = 0; step < maxSteps; step++) {
        IterationStats row = w.iterate();
        // The row describes the code the step started from: after `step` updates of u.
        double p = psnr(range, 2 * row.dataFidelity() / area);
        if (p >= target) {
          System.out.printf(Locale.ROOT, "lca reaches %.3f dB after %d steps (%.1f s): objective %.4f, %d"
              + " non-zeros%n", p, step, (System.nanoTime() - t1) * 1e-9, row.objective(), w.code().nonZeros());
          return;
        }
        if (step + 1 == next) {
          System.out.printf(Locale.ROOT, "  step %d: PSNR %.3f dB, objective %.4f, %.1f s%n", step, p,
              row.objective(), (System.nanoTime() - t1) * 1e-9);
          next *= 2;
        }
      }
      System.out.printf(Locale.ROOT, "lca does not reach %.3f dB in %d steps%n", target, maxSteps);
    }
  }
}
