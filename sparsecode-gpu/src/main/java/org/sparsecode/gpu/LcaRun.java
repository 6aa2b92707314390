package org.sparsecode.gpu;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.solver.DivergenceGuard;
import org.sparsecode.core.solver.Lipschitz;
import org.sparsecode.core.solver.lca.LcaSettings;

/**
 * A batched LCA solve, step for step sparsecode-core's {@code Lca} in its residual form: {@code a = T(u)}, the
 * residual spectrum {@code Ŝ − Σ_k D̂_k Â_k} (whose energy is the data term at a), the drive
 * {@code Dᵀ(s − D a) + a}, and {@code u ← u + (drive − u)/τ}, each image with its own stopping test and
 * divergence checks. τ depends on the dictionary and the image size only, so the images share it.
 */
final class LcaRun extends BatchRun {
  private final LcaSettings settings;
  private final double tau;
  private INDArray dr;
  private INDArray di;
  /** State: u {@code [H, B, K, W]} and Ŝ {@code [H, B, W/2+1]}. */
  private INDArray u;
  private INDArray sr;
  private INDArray si;
  /** Scratch. */
  private INDArray m;
  private INDArray fr;
  private INDArray fi;
  private INDArray tr;
  private INDArray ti;
  private INDArray pr;
  private INDArray pi;

  /**
   * Elements a batch needs per image on the device.
   *
   * @param count K
   * @param height H
   * @param width W
   * @return elements per image (the state, the scratch and a compaction's copy)
   */
  static long elementsPerImage(long count, long height, long width) {
    return elements(count, height, width, 3, 4, 6);
  }

  LcaRun(String name, Dictionary dictionary, List<Slot> slots, DataType type, LcaSettings settings) {
    super(name, dictionary, slots, type, settings.lambda());
    this.settings = settings;
    this.tau = settings.tau() != null ? settings.tau()
        : Math.max(Lipschitz.exact(dictionary, height, width), 1.0);
    INDArray[] d = Spectra.kernels(dictionary, height, width, type);
    this.dr = d[0];
    this.di = d[1];
    int batch = slots.size();
    INDArray[] s = imageSpectra(slots);
    this.sr = s[0];
    this.si = s[1];
    this.u = maps(batch);
    guard(slots, j -> advice());
    scratch(batch);
  }

  private void scratch(int batch) {
    m = maps(batch);
    fr = spectra(batch);
    fi = spectra(batch);
    tr = spectra(batch);
    ti = spectra(batch);
    pr = planes(batch);
    pi = planes(batch);
  }

  /** {@code m = T(u)}: soft {@code u − clip(u, −λ, λ)} or hard {@code u · [|u| > λ]}, one-sided if non-negative. */
  private void threshold() {
    if (settings.hard()) {
      m.assign(u);
      BooleanIndexing.replaceWhere(m, 0.0, settings.nonNegative() ? Conditions.lessThanOrEqual(lambda)
          : Conditions.absLessThanOrEqual(lambda));
    } else {
      Nd4jOps.soft(u, lambda, settings.nonNegative(), m);
    }
  }

  /**
   * {@code a = T(u)} into m, its spectrum into (fr, fi), the residual spectrum {@code Ŝ − Σ_k D̂_k Â_k} into
   * (pr, pi).
   *
   * @return the per-slot ℓ1 norms of a
   */
  private double[] codeAndResidual() {
    threshold();
    double[] l1 = Nd4jOps.absSums(m);
    dft.forward(m, fr, fi, tr, ti);
    Nd4jOps.products(dr, di, fr, fi, pr, pi, tr, ti);
    pr.rsubi(sr);
    pi.rsubi(si);
    return l1;
  }

  @Override
  protected IterationStats[] iterate(int k) {
    int batch = active.size();
    double[] l1 = codeAndResidual();
    double[] energy = Nd4jOps.energies(pr, pi, dft);
    Nd4jOps.addConjugateProducts(dr, di, pr, pi, fr, fi, tr);
    dft.inverse(fr, fi, m, tr, ti);
    // du = (drive − u)/τ, u += du
    m.subi(u).muli(1.0 / tau);
    double[] du2 = Nd4jOps.squares(m);
    u.addi(m);
    double[] u2 = Nd4jOps.squares(u);
    IterationStats[] rows = new IterationStats[batch];
    for (int b = 0; b < batch; b++) {
      double change = Math.sqrt(total(du2, b));
      double norm = Math.sqrt(total(u2, b));
      double relative = change == 0 ? 0 : change / norm;
      rows[b] = singleMeasureRow(b, k, dataFidelity(energy, b), total(l1, b), relative, settings.relStopTol(), tau,
          "relative change of u", "tau");
    }
    return rows;
  }

  /**
   * The last row is at the code the last step started from; the code returned, {@code T(u)} after it, gets its
   * objective here (and stays in m for {@link #code}).
   */
  @Override
  protected void finish(int[] positions, int k) {
    double[] l1 = codeAndResidual();
    double[] energy = Nd4jOps.energies(pr, pi, dft);
    for (int b : positions) {
      checkResult(active.get(b), k, dataFidelity(energy, b) + lambda * total(l1, b), "the code it ends with");
    }
  }

  @Override
  protected SparseCode code(int position) {
    return SparseCode.fromDense(count, height, width, Nd4jOps.codeOf(m, position));
  }

  /** What to change when the solve diverges from finite inputs (the error path only). */
  private String advice() {
    double l = Lipschitz.exact(dictionary, height, width);
    String constant = "the dictionary's Lipschitz constant L = " + DivergenceGuard.show(l) + " at this image size";
    if (settings.tau() != null && tau < l) {
      return "tau " + DivergenceGuard.show(tau) + " is below " + constant + ", so every step 1/tau overshoots:"
          + " set tau to at least " + DivergenceGuard.showAtLeast(l) + ", or leave it out (default max(L, 1))";
    }
    return "tau " + DivergenceGuard.show(tau) + " is not below " + constant + ": check the dictionary and the"
        + " image for extreme values";
  }

  @Override
  protected void release() {
    Nd4jOps.close(m, fr, fi, tr, ti, pr, pi);
  }

  @Override
  protected void compact(int[] keep) {
    INDArray[] kept = select(keep, u, sr, si);
    u = kept[0];
    sr = kept[1];
    si = kept[2];
    scratch(keep.length);
  }

  @Override
  protected void close() {
    Nd4jOps.close(dr, di, u, sr, si);
  }
}
