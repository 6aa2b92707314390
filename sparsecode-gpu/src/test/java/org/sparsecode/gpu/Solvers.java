package org.sparsecode.gpu;

import org.sparsecode.api.Precision;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.solver.admm.ConvBpdnAdmm;
import org.sparsecode.core.solver.fista.Fista;
import org.sparsecode.core.solver.lca.Lca;

/** The ND4J solvers and their core twins with the same settings, for the tests (one thread: small problems). */
final class Solvers {
  private Solvers() {}

  static Nd4jRuntime runtime() {
    return Nd4jRuntime.require("test", "cbpdn-admm");
  }

  static Nd4jConvBpdnAdmm admm(Nd4jCbpdnAdmmSettings s) {
    return new Nd4jConvBpdnAdmm(s, 1, runtime());
  }

  static Nd4jFista fista(Nd4jFistaSettings s) {
    return new Nd4jFista(s, 1, runtime());
  }

  static Nd4jLca lca(Nd4jLcaSettings s) {
    return new Nd4jLca(s, 1, runtime());
  }

  static SparseSolver core(Nd4jCbpdnAdmmSettings s) {
    return new ConvBpdnAdmm(s.core(), Precision.FLOAT64, 1);
  }

  static SparseSolver core(Nd4jFistaSettings s) {
    return new Fista(s.core(), Precision.FLOAT64, 1, true);
  }

  static SparseSolver core(Nd4jLcaSettings s) {
    return new Lca(s.core(), Precision.FLOAT64, 1);
  }

  /** ADMM at λ = 0.05 with AutoRho (the core's default), stopping at relStopTol 1e-3 after about 150 iterations. */
  static Nd4jCbpdnAdmmSettings admmSettings(int batch, String dtype) {
    return new Nd4jCbpdnAdmmSettings(0.05, 300, 1e-3, null, null, null, null, null, null, batch, dtype);
  }

  /** FISTA at λ = 0.05, L exact, stopping at its default relStopTol 1e-3 after about 90 iterations. */
  static Nd4jFistaSettings fistaSettings(int batch, String dtype) {
    return new Nd4jFistaSettings(0.05, 300, null, null, null, null, null, batch, dtype);
  }

  /** LCA at λ = 0.05, τ from L, soft threshold, stopping at relStopTol 1e-3 after about 250 steps. */
  static Nd4jLcaSettings lcaSettings(int batch, String dtype) {
    return new Nd4jLcaSettings(0.05, null, 400, 1e-3, null, null, batch, dtype);
  }
}
