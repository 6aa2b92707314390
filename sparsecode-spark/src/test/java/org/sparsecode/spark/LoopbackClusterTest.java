package org.sparsecode.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.experiments.cli.SparsecodeCli;

/**
 * A real Spark standalone cluster on loopback, started by scripts/spark-loopback-cluster.sh from the test's class
 * path: one master and two workers of one core each, with authentication on. A sweep run on it by a driver
 * holding the secret gives the local engine's numbers; a driver without the secret, or with another one, is
 * refused with a clear error within Spark's registration time (about a minute); an executor killed with {@code
 * kill -9} in the middle of a sweep loses only its task, which Spark runs again; the daemons listen on loopback
 * only. Every JVM is stopped afterwards. Runs with -Pcluster only (tag {@code cluster}): it takes one to two minutes.
 */
@Tag("cluster")
class LoopbackClusterTest {
  private static final String SWEEP = """
      name: tiny
      seed: 1
      images: {type: embedded, size: 32, names: [camera, coffee]}
      dictionary: {type: log-gabor, preset: thin, size: 8}
      solver: {type: fista, lambda: 1.0e-2, maxIterations: 5}
      metrics: [psnr, sparseness]
      sweep:
        solver.lambda: [1.0e-2, 2.0e-2, 4.0e-2, 8.0e-2]
      """;
  private static final Path SCRIPT = Path.of("").toAbsolutePath().getParent()
      .resolve("scripts/spark-loopback-cluster.sh");

  @TempDir
  static Path tmp;
  private static Path cluster;
  private static String master;
  private static Path sweep;
  private static Thread stopAtExit;

  @BeforeAll
  static void startTheCluster() throws IOException, InterruptedException {
    cluster = tmp.resolve("cluster");
    sweep = Files.writeString(tmp.resolve("sweep.yaml"), SWEEP);
    // the JVM may be killed before @AfterAll: stop the daemons then too
    stopAtExit = new Thread(LoopbackClusterTest::stopQuietly, "stop the loopback cluster");
    Runtime.getRuntime().addShutdownHook(stopAtExit);
    Result started = script("start", "--workers", "2", "--cores", "1", "--memory", "512m");
    assertThat(started.status()).as(started.out()).isZero();
    master = Files.readString(cluster.resolve("master-url")).trim();
    assertThat(master).matches("spark://127\\.0\\.0\\.1:\\d+");
  }

  @AfterAll
  static void stopTheCluster() throws IOException, InterruptedException {
    Result stopped = script("stop");
    Runtime.getRuntime().removeShutdownHook(stopAtExit);
    assertThat(stopped.status()).as(stopped.out()).isZero();
    for (String pid : List.of("master.pid", "worker-1.pid", "worker-2.pid")) {
      assertThat(cluster.resolve(pid)).doesNotExist();
    }
  }

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void aSweepOnTwoWorkersWithTheSecretGivesTheLocalEnginesNumbers() throws Exception {
    Path localDir = tmp.resolve("local");
    Path sparkDir = tmp.resolve("spark");
    CliRun l = CliRun.of("run", sweep.toString(), "-o", localDir.toString(), "--threads", "2");
    assertThat(l.status()).as(l.err()).isZero();
    Result s = driver(sparkDir, Map.of(SparkSettings.SECRET_FILE, cluster.resolve("secret").toString()), 200);
    assertThat(s.status()).as(s.out()).isZero();
    assertThat(s.out()).contains("spark 4.0.1: master " + master)
        .contains("4 cells: 4 complete, 0 failed");
    List<String> cells = names(localDir.resolve("cells"));
    assertThat(cells).hasSize(4).isEqualTo(names(sparkDir.resolve("cells")));
    for (String c : cells) {
      assertThat(Numbers.of(sparkDir.resolve("cells").resolve(c).resolve("results.json"))).as(c)
          .isEqualTo(Numbers.of(localDir.resolve("cells").resolve(c).resolve("results.json")));
      assertThat(Files.readAllBytes(sparkDir.resolve("cells").resolve(c).resolve("dictionary.npy")))
          .isEqualTo(Files.readAllBytes(localDir.resolve("cells").resolve(c).resolve("dictionary.npy")));
    }
    // the tasks ran on the cluster: each worker started an executor for the application
    for (String w : List.of("worker-1", "worker-2")) {
      assertThat(names(cluster.resolve("work").resolve(w))).as(w).anyMatch(a -> a.startsWith("app-"));
    }
  }

  @Test
  @Timeout(value = 200, unit = TimeUnit.SECONDS)
  void driversWithoutTheSecretOrWithAnotherAreRefusedWithAClearErrorWithinSparksRegistrationTime()
      throws Exception {
    Path wrong = Files.writeString(tmp.resolve("wrong-secret"), "not-the-secret\n");
    long t0 = System.nanoTime();
    // both wait out Spark's registration attempts (three of 20 s): run them side by side
    Started none = startDriver(tmp.resolve("no-secret"), Map.of());
    Started other = startDriver(tmp.resolve("other-secret"), Map.of(SparkSettings.SECRET_FILE, wrong.toString()));
    Result n = none.finish(150);
    Result o = other.finish(150);
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertThat(seconds).isLessThan(150);
    assertThat(n.status()).as(n.out()).isEqualTo(1);
    assertThat(n.out()).contains("error: Spark stopped before the tasks finished")
        .contains("a master with spark.authenticate on refuses a driver without its secret: set"
            + " SPARSECODE_SPARK_SECRET_FILE to the file holding it")
        .doesNotContain("\tat ");
    assertThat(o.status()).as(o.out()).isEqualTo(1);
    assertThat(o.out()).contains("error: Spark stopped before the tasks finished")
        .contains("a master with spark.authenticate on needs the same secret as this driver's (the file"
            + " SPARSECODE_SPARK_SECRET_FILE names)")
        .doesNotContain("\tat ");
    // the master refused them for want of authentication, and ran nothing of theirs
    assertThat(Files.readString(cluster.resolve("logs/master.log")))
        .contains("Expected SaslMessage, received something else").contains("DIGEST-MD5");
    for (String d : List.of("no-secret", "other-secret")) {
      Path cells = tmp.resolve(d).resolve("cells");
      if (Files.isDirectory(cells)) {
        try (Stream<Path> c = Files.walk(cells)) {
          assertThat(c.filter(p -> p.endsWith("results.json"))).as(d).isEmpty();
        }
      }
    }
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void anExecutorKilledMidRunLosesOnlyItsTaskWhichSparkRunsAgainWithTheLocalEnginesNumbers() throws Exception {
    Path file = Files.writeString(tmp.resolve("longer.yaml"), SWEEP.replace("size: 32", "size: 64")
        .replace("maxIterations: 5", "maxIterations: 150, relStopTol: 0").replace("name: tiny", "name: longer"));
    Path localDir = tmp.resolve("longer-local");
    Path sparkDir = tmp.resolve("longer-spark");
    CliRun l = CliRun.of("run", file.toString(), "-o", localDir.toString(), "--threads", "2");
    assertThat(l.status()).as(l.err()).isZero();
    Started driver = startDriver(file, sparkDir, Map.of(SparkSettings.SECRET_FILE,
        cluster.resolve("secret").toString()));
    // kill -9 an executor of this application as soon as a cell is under way on it
    long pid = -1;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (pid < 0 && System.nanoTime() < deadline && driver.process().isAlive()) {
      if (Files.isDirectory(sparkDir.resolve("cells")) && names(sparkDir.resolve("cells")).size() > 0) {
        pid = executor();
      }
      Thread.sleep(50);
    }
    assertThat(pid).as("an executor to kill").isPositive();
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    Result s = driver.finish(240);
    assertThat(s.status()).as(s.out()).isZero();
    assertThat(s.out()).contains("4 cells: 4 complete, 0 failed").containsPattern("failed \\(attempt 1\\): .*"
        + "Executor|executor");
    for (String c : names(localDir.resolve("cells"))) {
      assertThat(Numbers.of(sparkDir.resolve("cells").resolve(c).resolve("results.json"))).as(c)
          .isEqualTo(Numbers.of(localDir.resolve("cells").resolve(c).resolve("results.json")));
    }
  }

  @Test
  void theMasterAndTheWorkersListenOnLoopbackOnly() throws IOException {
    for (String pid : List.of("master.pid", "worker-1.pid", "worker-2.pid")) {
      List<String> listening = ListeningSockets.addresses(Files.readString(cluster.resolve(pid)).trim());
      // RPC and web UI each
      assertThat(listening).as(pid).hasSizeGreaterThanOrEqualTo(2)
          .allSatisfy(a -> assertThat(a).isIn("127.0.0.1", "::1"));
    }
  }

  /**
   * The pid of an executor JVM, or -1: read from /proc, since ProcessHandle's command line stops short of the
   * main class behind an executor's long class path.
   */
  private static long executor() throws IOException {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
          if (cmd.contains("org.apache.spark.executor.CoarseGrainedExecutorBackend")) {
            return Long.parseLong(p.getFileName().toString());
          }
        } catch (IOException e) {
          // the process ended meanwhile
        }
      }
    }
    return -1;
  }

  /** The output of a command: its status and its standard output and error together. */
  private record Result(int status, String out) {}

  /** Runs the cluster script with this class path's jars, bounded in time. */
  private static Result script(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--dir", cluster.toString()));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("SPARSECODE_CLUSTER_CLASSPATH", System.getProperty("java.class.path"));
    pb.environment().put("SPARSECODE_CLUSTER_DAEMON_MEMORY", "192m");
    return run(pb, 120);
  }

  /** A started process and the file its output goes to. */
  private record Started(Process process, Path log, List<String> command) {
    Result finish(int timeoutSeconds) throws IOException, InterruptedException {
      try {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          return new Result(-1, "timed out after " + timeoutSeconds + " s: " + command.subList(0, 2) + "\n"
              + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
      } finally {
        process.destroyForcibly();
      }
    }
  }

  /** Runs a driver ({@link #startDriver}) to its end, bounded in time. */
  private static Result driver(Path out, Map<String, String> env, int timeoutSeconds)
      throws IOException, InterruptedException {
    return startDriver(sweep, out, env).finish(timeoutSeconds);
  }

  /**
   * Starts {@code run --engine spark --master <the cluster>} on the sweep in a JVM of its own, as the launcher
   * would (a Spark driver that was refused keeps threads that would disturb later tests in this one).
   */
  private static Started startDriver(Path out, Map<String, String> env) throws IOException {
    return startDriver(sweep, out, env);
  }

  /** Starts {@code run --engine spark --master <the cluster>} on a file in a JVM of its own. */
  private static Started startDriver(Path file, Path out, Map<String, String> env) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xmx512m"));
    // Spark's --add-opens flags, as this JVM has them
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty")) {
        command.add(a);
      }
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), SparsecodeCli.class.getName(), "run",
        file.toString(), "-o", out.toString(), "--engine", "spark", "--master", master,
        "--conf", "spark.executor.memory=512m"));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove(SparkSettings.SECRET_FILE);
    pb.environment().putAll(env);
    Path log = Files.createTempFile(tmp, "driver", ".log");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    return new Started(pb.start(), log, command);
  }

  /** Runs a command to its end, bounded in time. */
  private static Result run(ProcessBuilder pb, int timeoutSeconds) throws IOException, InterruptedException {
    Path log = Files.createTempFile(tmp, "process", ".log");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    return new Started(pb.start(), log, pb.command()).finish(timeoutSeconds);
  }

  private static void stopQuietly() {
    try {
      script("stop");
    } catch (IOException | InterruptedException e) {
      // the JVM is going down; nothing more to do
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
