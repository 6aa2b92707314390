package org.sparsecode.gpu;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.solver.DivergenceGuard;
import org.sparsecode.core.solver.admm.AutoRhoSettings;
import org.sparsecode.core.solver.admm.CbpdnAdmmSettings;

/**
 * A batched CBPDN-ADMM solve, step for step the algorithm of sparsecode-core's {@code ConvBpdnAdmm} (SPORCO's
 * {@code admm.cbpdn.ConvBPDN}) with every image's ρ, AutoRho updates, residuals, stopping test and divergence
 * checks its own: x-step by Sherman–Morrison per frequency, relaxation, soft threshold, dual update, relative
 * residuals, statistics at X, the code Y.
 */
final class AdmmRun extends BatchRun {
  private final CbpdnAdmmSettings settings;
  private final double alpha;
  private final double[] weights;
  private final AutoRhoSettings autoRho;
  /** D̂ {@code [H, 1, K, W/2+1]} and Σ_k |D̂_k|² {@code [H, 1, W/2+1]}. */
  private INDArray dr;
  private INDArray di;
  private INDArray power;
  /** State: Y and U {@code [H, B, K, W]}, Ŝ {@code [H, B, W/2+1]}. */
  private INDArray y;
  private INDArray u;
  private INDArray sr;
  private INDArray si;
  /** Scratch for the current batch. */
  private INDArray m;
  private INDArray m2;
  private INDArray fr;
  private INDArray fi;
  private INDArray tr;
  private INDArray ti;
  private INDArray pr;
  private INDArray pi;
  private INDArray q;
  /** Per active image: ρ, and the pending AutoRho divisor of U. */
  private double[] rho;
  private double[] divisor;

  /**
   * Elements a batch of B images needs on the device.
   *
   * @param count K
   * @param height H
   * @param width W
   * @return elements per image (the state, the scratch and a compaction's copy)
   */
  static long elementsPerImage(long count, long height, long width) {
    return elements(count, height, width, 5, 4, 7);
  }

  AdmmRun(String name, Dictionary dictionary, List<Slot> slots, DataType type, CbpdnAdmmSettings settings) {
    super(name, dictionary, slots, type, settings.lambda());
    this.settings = settings;
    this.alpha = settings.relaxation();
    this.weights = settings.l1Weights(count);
    this.autoRho = settings.autoRho();
    INDArray[] d = Spectra.kernels(dictionary, height, width, type);
    this.dr = d[0];
    this.di = d[1];
    this.power = Spectra.power(dictionary, height, width, type);
    int batch = slots.size();
    INDArray[] s = imageSpectra(slots);
    this.sr = s[0];
    this.si = s[1];
    this.y = maps(batch);
    this.u = maps(batch);
    this.rho = new double[batch];
    this.divisor = new double[batch];
    java.util.Arrays.fill(rho, settings.rho());
    java.util.Arrays.fill(divisor, 1.0);
    guard(slots, this::advice);
    scratch(batch);
  }

  private void scratch(int batch) {
    m = maps(batch);
    m2 = maps(batch);
    fr = spectra(batch);
    fi = spectra(batch);
    tr = spectra(batch);
    ti = spectra(batch);
    pr = planes(batch);
    pi = planes(batch);
    q = planes(batch);
  }

  @Override
  protected IterationStats[] iterate(int k) {
    int batch = active.size();
    // Pass 1: the deferred AutoRho rescaling of U, and F = DFT(Y − U).
    boolean rescale = false;
    for (double v : divisor) {
      rescale |= v != 1.0;
    }
    if (rescale) {
      Nd4jOps.div(u, Nd4jOps.device(divisor, type, 1, batch, 1, 1), u);
      java.util.Arrays.fill(divisor, 1.0);
    }
    Nd4jOps.sub(y, u, m);
    dft.forward(m, fr, fi, tr, ti);
    // Pass 2: g = (Ŝ − Σ_k D̂_k F_k) / (ρ + Σ_k |D̂_k|²), X̂_k = F_k + conj(D̂_k) g; data term ρ²‖g‖²/(2HW).
    Nd4jOps.products(dr, di, fr, fi, pr, pi, tr, ti);
    pr.rsubi(sr);
    pi.rsubi(si);
    Nd4jOps.add(power, Nd4jOps.device(rho, type, 1, batch, 1), q);
    pr.divi(q);
    pi.divi(q);
    double[] energy = Nd4jOps.energies(pr, pi, dft);
    Nd4jOps.addConjugateProducts(dr, di, pr, pi, fr, fi, tr);
    dft.inverse(fr, fi, m, tr, ti);
    // Pass 3: relaxation, y-step, u-step and the sums of the residuals (m holds X).
    double[] x2 = Nd4jOps.squares(m);
    double[] x1 = Nd4jOps.absSums(m);
    m2.assign(y).muli(1 - alpha);
    Nd4jOps.axpy(alpha, m, m2);
    u.addi(m2);
    double[] t = new double[batch * count];
    for (int b = 0; b < batch; b++) {
      for (int j = 0; j < count; j++) {
        t[b * count + j] = lambda / rho[b] * weights[j];
      }
    }
    INDArray threshold = Nd4jOps.device(t, type, 1, batch, count, 1);
    Nd4jOps.soft(u, threshold, threshold.neg(), settings.nonNegative(), m2);
    u.subi(m2);
    double[] dy2 = Nd4jOps.squaredDistances(y, m2);
    double[] xmy2 = Nd4jOps.squaredDistances(m, m2);
    INDArray old = y;
    y = m2;
    m2 = old;
    double[] y2 = Nd4jOps.squares(y);
    double[] u2 = Nd4jOps.squares(u);
    IterationStats[] rows = new IterationStats[batch];
    double root = Math.sqrt((double) count * height * width);
    for (int b = 0; b < batch; b++) {
      Slot slot = active.get(b);
      double r0 = rho[b];
      double dataFidelity = r0 * r0 * energy[b] / area / 2;
      double regularization = 0;
      for (int j = 0; j < count; j++) {
        regularization += weights[j] * x1[b * count + j];
      }
      double objective = dataFidelity + lambda * regularization;
      double rn = Math.max(Math.sqrt(total(x2, b)), Math.sqrt(total(y2, b)));
      if (rn == 0.0) {
        rn = 1.0;
      }
      double sn = r0 * Math.sqrt(total(u2, b));
      if (sn == 0.0) {
        sn = 1.0;
      }
      double r = Math.sqrt(total(xmy2, b)) / rn;
      double s = r0 * Math.sqrt(total(dy2, b)) / sn;
      double epsPrimal = root * settings.absStopTol() / rn + settings.relStopTol();
      double epsDual = root * settings.absStopTol() / sn + settings.relStopTol();
      rows[b] = new IterationStats(k, objective, dataFidelity, regularization, r, s, epsPrimal, epsDual, r0,
          seconds());
      if (!slot.guard.passes(objective) || !Double.isFinite(r) || !Double.isFinite(s)) {
        throw failed(slot, slot.guard.diverged(k, objective, "primal residual " + DivergenceGuard.show(r)
            + ", dual residual " + DivergenceGuard.show(s) + ", rho " + DivergenceGuard.show(r0)));
      }
      slot.lastObjective = objective;
      updateRho(b, k, r, s);
      slot.converged = r < epsPrimal && s < epsDual;
    }
    return rows;
  }

  /** SPORCO's residual balancing, per image; U's rescaling is applied at the next iteration's start. */
  private void updateRho(int b, int k, double r, double s) {
    if (!autoRho.checksAfter(k)) {
      return;
    }
    double factor = autoRho.rhoFactor(r, s);
    if (factor != 1.0) {
      rho[b] *= factor;
      divisor[b] = factor;
    }
  }

  /**
   * The statistics are at X; the code returned is Y, whose objective ({@code ½‖Σ_k d_k * y_k − s‖² + λ Σ_k w_k
   * ‖Y_k‖₁}, one transform of the batch's Y) must be within the result limit, as must X's last one.
   */
  @Override
  protected void finish(int[] positions, int k) {
    double[] y1 = Nd4jOps.absSums(y);
    dft.forward(y, fr, fi, tr, ti);
    Nd4jOps.products(dr, di, fr, fi, pr, pi, tr, ti);
    pr.subi(sr);
    pi.subi(si);
    double[] energy = Nd4jOps.energies(pr, pi, dft);
    for (int b : positions) {
      Slot slot = active.get(b);
      double regularization = 0;
      for (int j = 0; j < count; j++) {
        regularization += weights[j] * y1[b * count + j];
      }
      double objectiveOfY = dataFidelity(energy, b) + lambda * regularization;
      checkResult(slot, k, slot.lastObjective, "its last primal iterate X");
      checkResult(slot, k, objectiveOfY, "the code it ends with");
    }
  }

  @Override
  protected SparseCode code(int position) {
    return SparseCode.fromDense(count, height, width, Nd4jOps.codeOf(y, position));
  }

  @Override
  protected void release() {
    Nd4jOps.close(m, m2, fr, fi, tr, ti, pr, pi, q);
  }

  @Override
  protected void compact(int[] keep) {
    INDArray[] kept = select(keep, y, u, sr, si);
    y = kept[0];
    u = kept[1];
    sr = kept[2];
    si = kept[3];
    double[] r = new double[keep.length];
    double[] d = new double[keep.length];
    for (int j = 0; j < keep.length; j++) {
      r[j] = rho[keep[j]];
      d[j] = divisor[keep[j]];
    }
    rho = r;
    divisor = d;
    scratch(keep.length);
  }

  @Override
  protected void close() {
    Nd4jOps.close(dr, di, power, y, u, sr, si);
  }

  /** What to change when an image's solve fails from finite inputs (the error path only). */
  private String advice(int index) {
    double now = Double.NaN;
    for (int b = 0; b < active.size(); b++) {
      if (active.get(b).index == index) {
        now = rho[b];
      }
    }
    String standard = "SPORCO's default 50 lambda + 1 = " + DivergenceGuard.show(50.0 * lambda + 1.0);
    if (!Double.isNaN(now) && now != settings.rho()) {
      boolean unpenalised = false;
      for (double w : weights) {
        unpenalised |= w == 0;
      }
      return "autoRho moved rho from " + DivergenceGuard.show(settings.rho()) + " to " + DivergenceGuard.show(now)
          + ", far from the data's scale, where ADMM loses its precision"
          + (unpenalised ? " (a kernel with l1Weight 0 is unpenalised, and residual balancing then keeps lowering"
              + " rho)" : "")
          + ": set autoRho.enabled: false to keep rho fixed, or lower autoRho.scaling ("
          + DivergenceGuard.show(autoRho.scaling()) + ") so that rho moves less per update";
    }
    return "rho " + DivergenceGuard.show(Double.isNaN(now) ? settings.rho() : now) + " is far from the data's"
        + " scale, where ADMM loses its precision: set rho nearer " + standard + " (or leave it out)"
        + (autoRho.enabled() ? "" : ", or enable autoRho (autoRho.enabled: true) so that rho adapts to the data");
  }
}
