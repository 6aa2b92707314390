package org.sparsecode.learning.parametric;

import java.util.ArrayList;
import java.util.List;
import org.sparsecode.api.Precision;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.kernel.KernelInfo;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.kernel.LogGaborKernels;
import org.sparsecode.core.kernel.LogGaborKernels.Normalisation;
import org.sparsecode.core.solver.admm.AutoRhoSettings;
import org.sparsecode.core.solver.admm.CbpdnAdmmSettings;
import org.sparsecode.core.solver.admm.ConvBpdnAdmm;

/** Small log-Gabor problems for the parametric learner's tests. */
final class ParametricFixtures {
  private ParametricFixtures() {}

  /** A log-Gabor dictionary of the given parameters (sf0 0.3, B_sf 0.4), 12×12. */
  static Dictionary dictionary(double[] thetas, double[] bThetas, double[] phases, Normalisation norm) {
    LogGaborKernels g = LogGaborKernels.ofSize(12);
    int count = thetas.length;
    double[] kernels = new double[count * 144];
    List<KernelInfo> info = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      KernelInfo p = new KernelInfo(thetas[k], bThetas[k], phases[k], 0.3, 0.4);
      System.arraycopy(g.kernel(p, norm), 0, kernels, k * 144, 144);
      info.add(p);
    }
    return new Dictionary(12, count, kernels, info);
  }

  /** A fixed-ρ CBPDN (the learning call's form) with the given λ and iterations. */
  static SparseSolver solver(double lambda, int iterations, double tol) {
    return new ConvBpdnAdmm(new CbpdnAdmmSettings(lambda, iterations, tol, 0.0, 1.8, 10.0, 1.0, false,
        AutoRhoSettings.disabled()), Precision.FLOAT64, 1);
  }
}
