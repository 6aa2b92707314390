package org.sparsecode.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.core.io.AtomicFiles;
import org.sparsecode.experiments.cli.SparsecodeCli;
import org.sparsecode.experiments.results.RunDirectory;

/**
 * Crash safety of {@code sparsecode run}, by kill-and-resume trials ({@link KillAndResume}): a run killed with
 * SIGKILL at seeded random moments, run again into the same directory until it finishes, ends with the
 * numbers and files of an uninterrupted run and no temporary file. Two experiments: online dictionary
 * learning (24 steps, a checkpoint every 3, then coding), where a rerun resumes from the learning checkpoint,
 * and coding of six images, where a rerun resumes after the last image results.json records.
 *
 * <p>Two deterministic tests complete them: a rerun removes the temporary files that writes of a killed run
 * left (in an unfinished and in a finished directory), and a run puts its complete results.json in place after
 * every other file (a watcher records the order), since a rerun leaves a complete directory as it is.
 *
 * <p>The default build runs 3 learning and 2 coding trials of one or two kills; {@code -Pslow} adds 20 and 10
 * trials of one to three kills. Every trial prints its seed and kill moments; {@code -Dkill.seed=0x...}
 * replays one seed (in each test), {@code -Dkill.trials=N} sets the number of trials of every test.
 */
class KillAndResumeTest {
  /** Learning long enough that kills land in it, and in its checkpoint writes, as often as in coding. */
  static final String LEARNING = """
      name: learn-kill
      seed: 3
      images: {type: embedded, size: 32, names: [camera, coffee, chelsea]}
      dictionary: {type: random, kernels: 8, size: 8, seed: 7}
      learning: {type: online-cdl, steps: 24, maxIterations: 20, checkpointEvery: 3, imageOrder: random}
      solver: {type: cbpdn-admm, lambda: 1.0e-2, maxIterations: 20}
      metrics: [psnr, sparseness, coefficient-histogram]
      """;
  /** Six images, with the pooled coefficient statistics whose partial sums a resumed run restores. */
  static final String CODING = """
      name: code-kill
      images: {type: embedded, size: 32, names: [camera, coffee, chelsea, astronaut, rocket, brick]}
      dictionary: {type: log-gabor, preset: thin, size: 8}
      solver: {type: cbpdn-admm, lambda: 1.0e-2, maxIterations: 30}
      metrics: [psnr, sparseness, coefficient-histogram, orientation-activity]
      """;

  /**
   * A sweep of six cells of two images each, two cells at a time: kills land in cells in flight, between cells
   * and while the tables are written.
   */
  static final String SWEEP = """
      name: sweep-kill
      images: {type: embedded, size: 24, names: [camera, coffee]}
      dictionary: {type: log-gabor, preset: thin, size: 8}
      solver: {type: fista, lambda: 1.0e-2, maxIterations: 40, relStopTol: 0}
      metrics: [psnr, sparseness, {type: resilience, cutoffs: [0.1, 0.5]}]
      sweep:
        solver.lambda: [3.0e-3, 1.0e-2, 3.0e-2]
        dictionary.size: [6, 8]
      """;

  @TempDir
  Path tmp;

  @Test
  void learningRunsKilledAtRandomMomentsEndWithTheNumbersOfAnUninterruptedRun() throws IOException {
    // a base seed whose three trials kill at a checkpoint write (temporary file 4 of 29), while coding (20 of 29)
    // and at half the run's time, then again in the resumed run
    trials("learning", LEARNING, 0x5EED_000FL, 3, 2);
  }

  @Test
  void codingRunsKilledAtRandomMomentsEndWithTheNumbersOfAnUninterruptedRun() throws IOException {
    trials("coding", CODING, 0x5EED_0002L, 2, 2);
  }

  @Test
  @Tag("slow")
  void twentyLearningRunsKilledAtRandomMomentsEndWithTheNumbersOfAnUninterruptedRun() throws IOException {
    trials("learning", LEARNING, 0x5EED_1001L, 20, 3);
  }

  @Test
  @Tag("slow")
  void tenCodingRunsKilledAtRandomMomentsEndWithTheNumbersOfAnUninterruptedRun() throws IOException {
    trials("coding", CODING, 0x5EED_1002L, 10, 3);
  }

  @Test
  void sweepsKilledAtRandomMomentsEndWithTheTablesOfAnUninterruptedSweep() throws IOException {
    trials("sweep", SWEEP, 0x5EED_0003L, 5, 2, "--threads", "2");
  }

  @Test
  @Tag("slow")
  void tenSweepsKilledAtRandomMomentsEndWithTheTablesOfAnUninterruptedSweep() throws IOException {
    trials("sweep", SWEEP, 0x5EED_1003L, 10, 3, "--threads", "2");
  }

  @Test
  void aRerunRemovesTheTemporaryFilesThatWritesOfAKilledRunLeft() throws IOException {
    Path file = Files.writeString(tmp.resolve("code.yaml"), CODING.replace("maxIterations: 30", "maxIterations: 3"));
    Path dir = Files.createDirectories(tmp.resolve("run"));
    // what kills inside AtomicFiles.write leave: the destination's name, hidden, random digits, .tmp
    List<Path> stale = List.of(dir.resolve(".results.json8812739012.tmp"),
        dir.resolve(".learning-checkpoint.npz77.tmp"), dir.resolve(".report.html123.tmp"));
    for (Path p : stale) {
      Files.writeString(p, "{\"status\": \"comp");
    }
    assertThat(run(file, dir)).isZero();
    assertThat(KillAndResume.names(dir)).noneMatch(n -> AtomicFiles.isTemporary(Path.of(n)))
        .contains("results.json", "report.html");
  }

  @Test
  void aRerunOfAFinishedRunRemovesWhatAKillRightAfterItsResultsLeft() throws IOException {
    Path file = Files.writeString(tmp.resolve("code.yaml"), CODING.replace("maxIterations: 30", "maxIterations: 3"));
    Path dir = tmp.resolve("run");
    assertThat(run(file, dir)).isZero();
    List<String> finished = KillAndResume.names(dir);
    // killed after the rename of the complete results.json, before the partial sums were deleted
    Files.writeString(dir.resolve(RunDirectory.PARTIAL_SUMS), "sums");
    Files.writeString(dir.resolve(".coefficients.json31.tmp"), "{");
    assertThat(run(file, dir)).isZero();
    assertThat(KillAndResume.names(dir)).isEqualTo(finished);
  }

  @Test
  void theCompleteResultsAreTheLastFileARunPutsInPlaceAndOnlyThePartialSumsGoAfter() throws Exception {
    Path file = Files.writeString(tmp.resolve("code.yaml"), CODING.replace("maxIterations: 30", "maxIterations: 3"));
    Path dir = Files.createDirectories(tmp.resolve("run"));
    List<String> events = new ArrayList<>();
    try (WatchService watcher = dir.getFileSystem().newWatchService()) {
      dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE);
      assertThat(run(file, dir)).isZero();
      for (WatchKey k = watcher.poll(1, TimeUnit.SECONDS); k != null; k = watcher.poll(200, TimeUnit.MILLISECONDS)) {
        for (WatchEvent<?> e : k.pollEvents()) {
          // a rename puts a file in place: created under its own name; temporary files are not looked at
          if (e.context() instanceof Path p && !AtomicFiles.isTemporary(p)) {
            events.add((e.kind() == StandardWatchEventKinds.ENTRY_DELETE ? "delete " : "") + p);
          }
        }
        k.reset();
      }
    }
    // a rerun leaves a directory whose results.json says complete as it is: nothing may come after it but
    // removing what only a resumed run needs
    assertThat(events).endsWith(RunDirectory.RESULTS, "delete " + RunDirectory.PARTIAL_SUMS);
    assertThat(events.subList(events.lastIndexOf("report.html"), events.size() - 1))
        .as("the report comes after the pooled statistics and before the complete results")
        .containsExactly("report.html", RunDirectory.RESULTS);
  }

  private static int run(Path file, Path dir) {
    StringWriter err = new StringWriter();
    int status = SparsecodeCli.execute(new String[] {"run", file.toString(), "-o", dir.toString(), "--threads", "1"},
        new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(err.toString()).doesNotContain("Exception");
    return status;
  }

  /**
   * Runs {@code count} trials of an experiment and checks them (see {@link KillAndResume#trial}); at least one
   * kill per trial must have hit a running child.
   */
  private void trials(String label, String yaml, long base, int count, int maxKills, String... args)
      throws IOException {
    Path file = Files.writeString(tmp.resolve(label + ".yaml"), yaml);
    KillAndResume k = new KillAndResume(label, file, tmp, args);
    KillAndResume.Reference ref = k.reference();
    System.out.printf("kill-and-resume %s: reference run %d ms, %d atomic writes%n", label, ref.nanos() / 1_000_000,
        ref.temporaries());
    int landed = 0;
    int inside = 0;
    List<Long> seeds = seeds(base, count);
    for (long seed : seeds) {
      KillAndResume.Trial t = k.trial(seed, maxKills);
      System.out.println("kill-and-resume " + label + " " + t + " => same results, no temporary file");
      landed += t.landed();
      inside += t.insideWrites();
    }
    System.out.printf("kill-and-resume %s: %d trials, %d kills landed (%d inside an atomic write), all resumed to "
        + "the reference's results%n", label, seeds.size(), landed, inside);
    assertThat(landed).as("kills that hit a running child").isGreaterThanOrEqualTo(seeds.size());
  }

  private static List<Long> seeds(long base, int count) {
    String one = System.getProperty("kill.seed");
    if (one != null && !one.isBlank()) {
      String s = one.strip().toLowerCase(java.util.Locale.ROOT);
      return List.of(s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s));
    }
    int n = Integer.getInteger("kill.trials", count);
    SplittableRandom seeds = new SplittableRandom(base);
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(seeds.nextLong());
    }
    return out;
  }
}
