package org.sparsecode.gpu;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.api.solver.SolverException;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.solver.DivergenceGuard;
import org.sparsecode.core.solver.Lipschitz;
import org.sparsecode.core.solver.fista.FistaSettings;

/**
 * A batched FISTA (or ISTA) solve with a fixed L, step for step sparsecode-core's {@code Fista} without
 * backtracking: the gradient at Y from the residual spectrum, the soft-thresholded step, Nesterov's momentum
 * (shared by the images, which all start together), the synthesis of X by linearity, and every image's
 * residual, stopping test and divergence checks its own.
 */
final class FistaRun extends BatchRun {
  private final FistaSettings settings;
  private final boolean momentum;
  private final double weight;
  private final double lipschitz;
  private double t = 1.0;
  private INDArray dr;
  private INDArray di;
  /** State: X, Y {@code [H, B, K, W]}; Ŝ, Σ_k D̂_k Ŷ_k, Σ_k D̂_k X̂_k and R̂_Y {@code [H, B, W/2+1]}. */
  private INDArray x;
  private INDArray y;
  private INDArray sr;
  private INDArray si;
  private INDArray syr;
  private INDArray syi;
  private INDArray sxr;
  private INDArray sxi;
  private INDArray ryr;
  private INDArray ryi;
  /** Scratch. */
  private INDArray m;
  private INDArray m2;
  private INDArray fr;
  private INDArray fi;
  private INDArray tr;
  private INDArray ti;
  private INDArray qr;
  private INDArray qi;

  /**
   * Elements a batch needs per image on the device.
   *
   * @param count K
   * @param height H
   * @param width W
   * @return elements per image (the state, the scratch and a compaction's copy)
   */
  static long elementsPerImage(long count, long height, long width) {
    return elements(count, height, width, 5, 4, 12);
  }

  FistaRun(String name, Dictionary dictionary, List<Slot> slots, DataType type, FistaSettings settings,
      boolean momentum) {
    super(name, dictionary, slots, type, settings.lambda());
    this.settings = settings;
    this.momentum = momentum;
    this.weight = settings.l1Weight();
    if (settings.lipschitz() != null) {
      this.lipschitz = settings.lipschitz();
    } else {
      double l = Lipschitz.exact(dictionary, height, width);
      if (!(l > 0) || Double.isInfinite(l)) {
        throw new SolverException(-1, name + ": the Lipschitz constant of the dictionary is " + l
            + " (all-zero or non-finite kernels?): check the dictionary, or set lipschitz");
      }
      this.lipschitz = l;
    }
    INDArray[] d = Spectra.kernels(dictionary, height, width, type);
    this.dr = d[0];
    this.di = d[1];
    int batch = slots.size();
    INDArray[] s = imageSpectra(slots);
    this.sr = s[0];
    this.si = s[1];
    this.x = maps(batch);
    this.y = maps(batch);
    this.syr = planes(batch);
    this.syi = planes(batch);
    this.sxr = planes(batch);
    this.sxi = planes(batch);
    // from zero: R̂_Y = Σ_k D̂_k Ŷ_k − Ŝ = −Ŝ
    this.ryr = sr.neg();
    this.ryi = si.neg();
    guard(slots, j -> advice());
    scratch(batch);
  }

  private void scratch(int batch) {
    m = maps(batch);
    m2 = maps(batch);
    fr = spectra(batch);
    fi = spectra(batch);
    tr = spectra(batch);
    ti = spectra(batch);
    qr = planes(batch);
    qi = planes(batch);
  }

  /** SPORCO's MomentumNesterov for FISTA: t' = (1 + √(1 + 4t²))/2, β = (t − 1)/t'; ISTA: β = 0. */
  private double nextMomentum() {
    if (!momentum) {
      return 0.0;
    }
    double next = 0.5 * (1.0 + Math.sqrt(1.0 + 4.0 * t * t));
    double beta = (t - 1.0) / next;
    t = next;
    return beta;
  }

  @Override
  protected IterationStats[] iterate(int k) {
    int batch = active.size();
    double beta = nextMomentum();
    // G = IDFT(conj(D̂) R̂_Y), V = Y − G/L, X_new = soft(V, λw/L)
    Nd4jOps.conjugateProducts(dr, di, ryr, ryi, fr, fi, tr);
    dft.inverse(fr, fi, m, tr, ti);
    m.muli(-1.0 / lipschitz).addi(y);
    Nd4jOps.soft(m, lambda * weight / lipschitz, settings.nonNegative(), m2);
    double[] rsdl = Nd4jOps.squaredDistances(m2, y);
    double[] l1 = Nd4jOps.absSums(m2);
    // Y_new = X_new + β (X_new − X)
    Nd4jOps.sub(m2, x, m);
    m.muli(beta).addi(m2);
    INDArray oldX = x;
    INDArray oldY = y;
    x = m2;
    y = m;
    m = oldX;
    m2 = oldY;
    // Σ_k D̂_k Ŷ_new,k; D X_new = (D Y_new + β D X) / (1 + β); R̂_Y = Σ_k D̂_k Ŷ_k − Ŝ
    dft.forward(y, fr, fi, tr, ti);
    Nd4jOps.products(dr, di, fr, fi, syr, syi, tr, ti);
    double scale = 1.0 / (1.0 + beta);
    sxr.muli(beta).addi(syr).muli(scale);
    sxi.muli(beta).addi(syi).muli(scale);
    Nd4jOps.sub(syr, sr, ryr);
    Nd4jOps.sub(syi, si, ryi);
    Nd4jOps.sub(sxr, sr, qr);
    Nd4jOps.sub(sxi, si, qi);
    double[] energy = Nd4jOps.energies(qr, qi, dft);
    IterationStats[] rows = new IterationStats[batch];
    for (int b = 0; b < batch; b++) {
      rows[b] = singleMeasureRow(b, k, dataFidelity(energy, b), weight * total(l1, b), total(rsdl, b),
          settings.relStopTol(), lipschitz, "residual", "L");
    }
    return rows;
  }

  /** The last row's objective is that of X, the code returned. */
  @Override
  protected void finish(int[] positions, int k) {
    for (int b : positions) {
      checkResult(active.get(b), k, active.get(b).lastObjective, "the code it ends with");
    }
  }

  @Override
  protected SparseCode code(int position) {
    return SparseCode.fromDense(count, height, width, Nd4jOps.codeOf(x, position));
  }

  /** What to change when the solve diverges from finite inputs (the error path only). */
  private String advice() {
    double exact = Lipschitz.exact(dictionary, height, width);
    String constant = "the dictionary's Lipschitz constant " + DivergenceGuard.show(exact) + " at this image size";
    Double given = settings.lipschitz();
    if (given != null && given < exact) {
      return "lipschitz " + DivergenceGuard.show(given) + " is below " + constant + ", so every step 1/lipschitz"
          + " overshoots: set lipschitz to at least " + DivergenceGuard.showAtLeast(exact) + ", or leave it out to"
          + " use the exact constant";
    }
    return "L = " + DivergenceGuard.show(lipschitz) + " is not below " + constant + ": check the dictionary and"
        + " the image for extreme values";
  }

  @Override
  protected void release() {
    Nd4jOps.close(m, m2, fr, fi, tr, ti, qr, qi);
  }

  @Override
  protected void compact(int[] keep) {
    INDArray[] kept = select(keep, x, y, sr, si, syr, syi, sxr, sxi, ryr, ryi);
    x = kept[0];
    y = kept[1];
    sr = kept[2];
    si = kept[3];
    syr = kept[4];
    syi = kept[5];
    sxr = kept[6];
    sxi = kept[7];
    ryr = kept[8];
    ryi = kept[9];
    scratch(keep.length);
  }

  @Override
  protected void close() {
    Nd4jOps.close(dr, di, x, y, sr, si, syr, syi, sxr, sxi, ryr, ryi);
  }
}
