package org.sparsecode.gpu;

import java.util.List;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.core.solver.admm.ConvBpdnAdmm;
import org.sparsecode.core.solver.fista.Fista;
import org.sparsecode.core.solver.lca.Lca;

class SolverEquivalenceProbe {
  public static void main(String[] args) {
    Dictionary d = TestProblems.gabor(12, 8);
    Image image = TestProblems.patch("camera", 48, 20);
    Nd4jRuntime rt = Nd4jRuntime.require("probe", "x");
    for (String dt : new String[] {"float64", "float32"}) {
      Nd4jCbpdnAdmmSettings a = new Nd4jCbpdnAdmmSettings(0.05, 200, 1e-3, null, null, null, null, null, null, 4, dt);
      compare("admm " + dt, new ConvBpdnAdmm(a.core(), Precision.FLOAT64, 1).solve(d, image),
          new Nd4jConvBpdnAdmm(a, Integer.getInteger("threads", 2), rt).solve(d, image));
      Nd4jFistaSettings f = new Nd4jFistaSettings(0.05, 200, 1e-3, null, null, null, null, 4, dt);
      compare("fista " + dt, new Fista(f.core(), Precision.FLOAT64, 1, true).solve(d, image),
          new Nd4jFista(f, 1, rt).solve(d, image));
      Nd4jLcaSettings l = new Nd4jLcaSettings(0.05, null, 300, 1e-3, null, null, 4, dt);
      compare("lca " + dt, new Lca(l.core(), Precision.FLOAT64, 1).solve(d, image),
          new Nd4jLca(l, 1, rt).solve(d, image));
    }
  }

  static void compare(String what, CodingResult core, CodingResult nd) {
    double worst = 0;
    List<IterationStats> a = core.stats();
    List<IterationStats> b = nd.stats();
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      worst = Math.max(worst, Math.abs(a.get(i).objective() - b.get(i).objective()) / Math.abs(a.get(i).objective()));
    }
    System.out.printf("%s: iterations %d vs %d, converged %b vs %b, worst rel objective %.3g, final %.6g vs %.6g,"
        + " nnz %d vs %d%n", what, core.iterations(), nd.iterations(), core.converged(), nd.converged(), worst,
        a.get(a.size() - 1).objective(), b.get(b.size() - 1).objective(), core.code().nonZeros(), nd.code().nonZeros());
  }
}
