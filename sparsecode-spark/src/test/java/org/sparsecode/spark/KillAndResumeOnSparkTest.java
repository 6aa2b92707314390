package org.sparsecode.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.core.io.AtomicFiles;
import org.sparsecode.experiments.cli.SparsecodeCli;
import org.sparsecode.experiments.results.RunDirectory;

/**
 * A Spark driver killed with SIGKILL ({@link Process#destroyForcibly()}: no shutdown hook, no {@code finally})
 * and started again resumes from the cells its tasks finished and ends with the numbers of an uninterrupted run
 * of the local engine. The driver (with its embedded {@code local[2]} executors) runs in a child JVM; each trial
 * draws its kill moment from a seeded {@link SplittableRandom}: after a number of cells has finished (0 to all
 * but one), plus a delay, so kills land in Spark's start-up, in cells in flight and between cells. A second test
 * kills a run of one experiment coded in image blocks (after 0 to 2 of its 3 blocks finished, plus a delay: in
 * blocks, in their merge and in the finishing run). Every trial prints its seed and moment; {@code
 * -Dkill.seed=0x...} replays one.
 */
class KillAndResumeOnSparkTest {
  private static final String SWEEP = """
      name: spark-kill
      images: {type: embedded, size: 24, names: [camera, coffee]}
      dictionary: {type: log-gabor, preset: thin, size: 8}
      solver: {type: fista, lambda: 1.0e-2, maxIterations: 40, relStopTol: 0}
      metrics: [psnr, sparseness]
      sweep:
        solver.lambda: [3.0e-3, 1.0e-2, 3.0e-2]
        dictionary.size: [6, 8]
      """;
  private static final int CELLS = 6;
  private static final long BASE_SEED = 0x5EED_5A4BL;
  private static final int TRIALS = 3;
  private static final long CHILD_LIMIT_NANOS = TimeUnit.MINUTES.toNanos(2);

  /** One experiment of six images coded in blocks of two: kills land in blocks, in the merge and the finish. */
  private static final String BLOCKS = """
      name: spark-kill-blocks
      images: {type: embedded, size: 24, names: [camera, coffee, chelsea, astronaut, rocket, brick]}
      dictionary: {type: log-gabor, preset: thin, size: 8}
      solver: {type: fista, lambda: 1.0e-2, maxIterations: 40, relStopTol: 0}
      metrics: [psnr, sparseness]
      """;
  private static final int BLOCK_COUNT = 3;

  @TempDir
  Path tmp;

  @Test
  void driversKilledWhileCodingImageBlocksResumeToTheLocalEnginesNumbers() throws Exception {
    Path file = Files.writeString(tmp.resolve("blocks.yaml"), BLOCKS);
    Path reference = tmp.resolve("reference");
    CliRun ref = CliRun.of("run", file.toString(), "-o", reference.toString(), "--threads", "2");
    assertThat(ref.status()).as(ref.err()).isZero();
    int landed = 0;
    for (long seed : seeds(BASE_SEED + 1, 2)) {
      SplittableRandom random = new SplittableRandom(seed);
      int after = random.nextInt(BLOCK_COUNT);
      long delayMillis = random.nextLong(1500);
      Path dir = tmp.resolve("trial-" + Long.toHexString(seed));
      String moment = "seed 0x" + Long.toHexString(seed) + ": kill " + delayMillis + " ms after " + after
          + " block(s) finished";
      int finishedAtKill = killed(file, dir, after, delayMillis, KillAndResumeOnSparkTest::completeRuns,
          "--conf", "sparsecode.imagesPerTask=2");
      landed += finishedAtKill >= 0 ? 1 : 0;
      System.out.println("kill-and-resume on Spark (image blocks) " + moment + " -> " + (finishedAtKill < 0
          ? "finished first" : "killed with " + finishedAtKill + " run(s) finished"));
      CliRun resumed = CliRun.of("run", file.toString(), "-o", dir.toString(), "--engine", "spark", "--master",
          "local[2]", "--conf", "sparsecode.imagesPerTask=2");
      assertThat(resumed.status()).as(moment + "\n" + resumed.err()).isZero();
      assertThat(Numbers.of(dir.resolve(RunDirectory.RESULTS))).as(moment)
          .isEqualTo(Numbers.of(reference.resolve(RunDirectory.RESULTS)));
      assertThat(files(dir)).as(moment).noneMatch(n -> AtomicFiles.isTemporary(Path.of(n)))
          .isEqualTo(files(reference));
    }
    assertThat(landed).as("kills that hit a running driver").isGreaterThanOrEqualTo(1);
  }

  @Test
  void driversKilledAtSeededMomentsResumeToTheLocalEnginesNumbers() throws Exception {
    Path file = Files.writeString(tmp.resolve("kill.yaml"), SWEEP);
    Path reference = tmp.resolve("reference");
    CliRun ref = CliRun.of("run", file.toString(), "-o", reference.toString(), "--threads", "2");
    assertThat(ref.status()).as(ref.err()).isZero();
    List<String> cells = cellNames(reference);
    assertThat(cells).hasSize(CELLS);

    int landed = 0;
    for (long seed : seeds(BASE_SEED, TRIALS)) {
      SplittableRandom random = new SplittableRandom(seed);
      int after = random.nextInt(CELLS - 1);
      long delayMillis = random.nextLong(1500);
      Path dir = tmp.resolve("trial-" + Long.toHexString(seed));
      String moment = "seed 0x" + Long.toHexString(seed) + ": kill " + delayMillis + " ms after " + after
          + " cell(s) finished";
      int finishedAtKill = killed(file, dir, after, delayMillis, KillAndResumeOnSparkTest::complete);
      landed += finishedAtKill >= 0 ? 1 : 0;
      System.out.println("kill-and-resume on Spark " + moment + " -> " + (finishedAtKill < 0 ? "finished first"
          : "killed with " + finishedAtKill + " cell(s) finished"));
      CliRun resumed = CliRun.of("run", file.toString(), "-o", dir.toString(), "--engine", "spark", "--master",
          "local[2]");
      assertThat(resumed.status()).as(moment + "\n" + resumed.err()).isZero();
      if (finishedAtKill >= 0) {
        assertThat(resumed.err()).as(moment).contains(finishedAtKill + " already complete, "
            + (CELLS - finishedAtKill) + " to run");
      }
      assertThat(cellNames(dir)).as(moment).isEqualTo(cells);
      for (String c : cells) {
        Path cell = dir.resolve("cells").resolve(c);
        assertThat(Numbers.of(cell.resolve(RunDirectory.RESULTS))).as(moment + ": cell " + c)
            .isEqualTo(Numbers.of(reference.resolve("cells").resolve(c).resolve(RunDirectory.RESULTS)));
        assertThat(files(cell)).as(moment + ": cell " + c).noneMatch(n -> AtomicFiles.isTemporary(Path.of(n)))
            .isEqualTo(files(reference.resolve("cells").resolve(c)));
      }
    }
    assertThat(landed).as("kills that hit a running driver").isGreaterThanOrEqualTo(TRIALS - 1);
  }

  /**
   * Runs the sweep on Spark in a child JVM and kills it {@code delayMillis} after {@code after} cells finished;
   * returns how many had finished at the kill, or -1 when it finished first.
   */
  private static int killed(Path file, Path dir, int after, long delayMillis, Counter finished, String... args)
      throws Exception {
    Files.createDirectories(dir);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    // the --add-opens flags this JVM got, which Spark needs in the child too
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty"))
        .forEach(command::add);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), SparsecodeCli.class.getName(), "run",
        file.toString(), "-o", dir.toString(), "--engine", "spark", "--master", "local[2]",
        // Spark's scratch files (blockmgr-*), which a killed driver leaves behind, in the test's directory
        "--conf", "spark.local.dir=" + dir.resolveSibling("spark-scratch")));
    command.addAll(List.of(args));
    Process child = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolveSibling(dir.getFileName() + ".log").toFile()).start();
    long start = System.nanoTime();
    try {
      long due = -1;
      while (child.isAlive()) {
        assertThat(System.nanoTime() - start).as("the child ran too long").isLessThan(CHILD_LIMIT_NANOS);
        if (due < 0 && finished.count(dir) >= after) {
          due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
        }
        if (due >= 0 && System.nanoTime() >= due) {
          child.destroyForcibly();
          child.waitFor(30, TimeUnit.SECONDS);
          return finished.count(dir);
        }
        child.waitFor(20, TimeUnit.MILLISECONDS);
      }
      assertThat(child.exitValue()).isZero();
      return -1;
    } finally {
      child.destroyForcibly();
    }
  }

  /** Counts the finished work in a directory. */
  @FunctionalInterface
  private interface Counter {
    int count(Path dir) throws IOException;
  }

  /** How many finished runs a directory holds, at any depth (an experiment's image blocks, the experiment). */
  private static int completeRuns(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return (int) s.filter(Files::isDirectory).filter(d -> new RunDirectory(d).isComplete()).count();
    } catch (IOException | java.io.UncheckedIOException | org.sparsecode.api.SparsecodeException e) {
      // the run removed its blocks, or was writing a results.json, while this walked: look again
      return 0;
    }
  }

  /** How many cells of a sweep directory hold a finished run. */
  private static int complete(Path dir) throws IOException {
    Path cells = dir.resolve("cells");
    if (!Files.isDirectory(cells)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(cells)) {
      return (int) s.filter(c -> new RunDirectory(c).isComplete()).count();
    }
  }

  private static List<String> cellNames(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve("cells"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<Long> seeds(long base, int trials) {
    String one = System.getProperty("kill.seed");
    if (one != null && !one.isBlank()) {
      String s = one.strip().toLowerCase(java.util.Locale.ROOT);
      return List.of(s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s));
    }
    SplittableRandom seeds = new SplittableRandom(base);
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < trials; i++) {
      out.add(seeds.nextLong());
    }
    return out;
  }
}
