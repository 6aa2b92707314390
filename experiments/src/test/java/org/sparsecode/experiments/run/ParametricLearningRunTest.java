package org.sparsecode.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.eval.plot.ParameterPaths;
import org.sparsecode.experiments.cli.SparsecodeCli;
import org.sparsecode.experiments.results.Json;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.learning.parametric.ParametricCheckpoint;

/**
 * {@code sparsecode run} with {@code learning: {type: parametric-log-gabor}}: the run writes the kernels'
 * trajectories, draws their paths, puts the learned B_θ histogram in results.json and report.html next to
 * the re-fit's, and a run killed with SIGKILL after its first checkpoint resumes to the same bytes.
 */
class ParametricLearningRunTest {
  private static final int STEPS = 12;
  private static final String CONFIG = """
      name: parametric-tiny
      seed: 3
      images: {type: embedded, size: 48, names: [camera, coffee]}
      dictionary: {type: log-gabor, preset: full, size: 8, thetas: 3}
      learning: {type: parametric-log-gabor, steps: %d, learningRate: 0.05, checkpointEvery: 2, crop: 32,
                 solver: {type: cbpdn-admm, lambda: 1.0e-2, rho: 10, maxIterations: 30, autoRho: {enabled: false}}}
      solver: {type: cbpdn-admm, lambda: 1.0e-2, maxIterations: 5}
      metrics: [psnr, sparseness]
      """.formatted(STEPS);

  @TempDir
  Path tmp;

  @Test
  @SuppressWarnings("unchecked")
  void aParametricRunWritesTrajectoriesPathsAndTheLearnedHistogram() throws IOException {
    Path file = Files.writeString(tmp.resolve("p.yaml"), CONFIG);
    Path dir = tmp.resolve("out");
    run(file, dir);
    List<String> csv = Files.readAllLines(dir.resolve(RunDirectory.TRAJECTORIES_CSV));
    // 3 thetas x 6 bandwidths x 2 phases = 36 kernels, steps 0..12
    assertThat(csv).hasSize(1 + 36 * (STEPS + 1));
    assertThat(csv.get(0)).isEqualTo("step,kernel,theta,bTheta,sf0,bsf,phase");
    assertThat(csv.get(1)).startsWith("0,0,0.0,");
    assertThat(csv.get(csv.size() - 1)).startsWith(STEPS + ",35,");
    BufferedImage png = ImageIO.read(dir.resolve(RunDirectory.PARAMETER_PATHS_PNG).toFile());
    assertThat(png.getWidth()).isEqualTo(ParameterPaths.WIDTH);
    Map<String, Object> r = Json.parseObject(Files.readString(dir.resolve(RunDirectory.RESULTS)), "results.json");
    Map<String, Object> learning = (Map<String, Object>) r.get("learning");
    Map<String, Object> par = (Map<String, Object>) learning.get("parametric");
    Map<String, Object> h = (Map<String, Object>) par.get("bThetaHistogram");
    List<Object> counts = (List<Object>) h.get("counts");
    assertThat(counts.stream().mapToInt(c -> ((Number) c).intValue()).sum()).isEqualTo(36);
    assertThat(h.get("bThetaEdges")).isEqualTo(((Map<String, Object>) ((Map<String, Object>) learning.get("refit"))
        .get("bThetaHistogram")).get("bThetaEdges"));
    assertThat(((Number) par.get("bThetaMin")).doubleValue()).isPositive();
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html).contains("Learned log-Gabor parameters").contains("learned kernels")
        .contains("re-fit atoms (R² ≥ threshold)");
  }

  @Test
  void runKilledMidLearningResumesToTheSameBytes() throws IOException, InterruptedException {
    Path file = Files.writeString(tmp.resolve("p.yaml"), CONFIG);
    Path straight = tmp.resolve("straight");
    run(file, straight);
    Path resumed = tmp.resolve("resumed");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SparsecodeCli.class.getName(), "run", file.toString(),
        "-o", resumed.toString(), "--threads", "1")
        .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
    Path checkpoint = ParametricCheckpoint.file(resumed);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(checkpoint) && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    boolean alive = child.isAlive();
    child.destroyForcibly();
    child.waitFor(30, TimeUnit.SECONDS);
    assertThat(checkpoint).as(Files.readString(tmp.resolve("child.log"))).exists();
    assertThat(alive).as("the child was still running when killed").isTrue();
    assertThat(ParametricCheckpoint.read(resumed).orElseThrow().step()).isLessThan(STEPS);
    run(file, resumed);
    for (String f : new String[] {"dictionary.npy", RunDirectory.TRAJECTORIES_CSV}) {
      assertThat(Files.readAllBytes(resumed.resolve(f))).as(f).isEqualTo(Files.readAllBytes(straight.resolve(f)));
    }
  }

  private static void run(Path file, Path dir) {
    StringWriter err = new StringWriter();
    int status = SparsecodeCli.execute(new String[] {"run", file.toString(), "-o", dir.toString(), "--threads", "1"},
        new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(status).as(err.toString()).isZero();
  }
}
