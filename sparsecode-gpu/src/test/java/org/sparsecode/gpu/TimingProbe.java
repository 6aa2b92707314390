package org.sparsecode.gpu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.SolveListener;
import org.sparsecode.core.solver.admm.ConvBpdnAdmm;

class TimingProbe {
  public static void main(String[] args) {
    int k = Integer.parseInt(args[0]);
    int side = Integer.parseInt(args[1]);
    int batch = Integer.parseInt(args[2]);
    int its = Integer.parseInt(args[3]);
    Dictionary d = TestProblems.gabor(k, 12);
    Nd4jRuntime rt = Nd4jRuntime.require("probe", "x");
    if (System.getProperty("threads") != null) {
      int n = Integer.getInteger("threads");
      org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxThreads(n);
      org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxMasterThreads(n);
      org.nd4j.linalg.factory.Nd4j.factory().blas().setMaxThreads(n);
    }
    List<Image> images = new ArrayList<>();
    for (int b = 0; b < batch; b++) {
      images.add(TestProblems.patch("camera", side, 3 * b));
    }
    Nd4jCbpdnAdmmSettings a = new Nd4jCbpdnAdmmSettings(0.01, its, 0.0, null, null, null, null, null, null, batch,
        "float32");
    Nd4jConvBpdnAdmm s = new Nd4jConvBpdnAdmm(a, Integer.getInteger("threads", 2), rt);
    List<SolveListener> ls = new ArrayList<>(Collections.nCopies(batch, SolveListener.NONE));
    s.solveBatch(d, images.subList(0, 1), ls.subList(0, 1));
    long t0 = System.nanoTime();
    List<CodingResult> r = s.solveBatch(d, images, ls);
    double ms = (System.nanoTime() - t0) / 1e6;
    System.out.printf("nd4j admm K=%d %dx%d batch %d: %.1f ms per iteration, %.1f ms per image-iteration%n", k, side,
        side, batch, ms / its, ms / its / batch);
    if (args.length > 4) {
      ConvBpdnAdmm core = new ConvBpdnAdmm(a.core(), Precision.FLOAT32, 2);
      core.solve(d, images.get(0));
      t0 = System.nanoTime();
      core.solve(d, images.get(0));
      System.out.printf("core admm float32 2 threads: %.1f ms per iteration%n", (System.nanoTime() - t0) / 1e6 / its);
    }
  }
}
