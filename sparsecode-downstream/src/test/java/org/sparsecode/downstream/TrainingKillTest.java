package org.sparsecode.downstream;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.core.io.AtomicFiles;
import org.sparsecode.experiments.cli.SparsecodeCli;
import org.sparsecode.experiments.results.Json;

/**
 * A downstream training killed with SIGKILL ({@link Process#destroyForcibly()}: no shutdown hook, no {@code
 * finally}) in a child JVM ({@code sparsecode run FILE -o DIR --threads 1}, this JVM's {@code java} and class
 * path), then run again — killed again, then run to the end — leaves what an uninterrupted run leaves: the same
 * files (no temporary file), the same accuracy table, paired comparisons and confusion matrix, the same per-epoch
 * curves and the same predictions, times aside; and each rerun says which epoch it resumed after, the one the
 * killed run's {@code checkpoint.json} names.
 *
 * <p>A kill moment is a progress line the child prints (a batch inside an epoch; the line that starts the next
 * variant) or the creation of a file in the output tree (the temporary file of an atomic write of a checkpoint, or
 * of the state that names it). The default build runs one trial of three kills: inside epoch 2 of the first
 * variant, inside the write of its last checkpoint, between the two variants. The {@code slow} trials draw
 * their kills from a seeded {@link SplittableRandom} ({@code -Dkill.trials=N} trials, {@code -Dkill.seed=0x...}
 * replays one).
 */
class TrainingKillTest {
  private static final long BASE_SEED = 0x7a1_4c11L;
  private static final long LIMIT_NANOS = TimeUnit.MINUTES.toNanos(3);
  private static final String CODES = "codes-4";
  private static final String PIXELS = "pixels";
  private static final int EPOCHS = 3;
  private static final int BATCHES = 4;

  @TempDir
  Path tmp;

  /**
   * A moment to kill the child at.
   *
   * @param description in words
   * @param line a progress line containing this text, or {@code null}
   * @param directory for a file: the directory, relative to the output directory, it is created in
   * @param file for a file: its name, or the name an atomic write's temporary file is for
   * @param temporary whether the temporary file of that write is meant (the kill lands inside the write)
   */
  record Moment(String description, String line, String directory, String file, boolean temporary) {
    static Moment line(String description, String text) {
      return new Moment(description, text, null, null, false);
    }

    static Moment inside(String description, String directory, String file) {
      return new Moment(description, null, directory, file, true);
    }

    static Moment after(String description, String directory, String file) {
      return new Moment(description, null, directory, file, false);
    }

    boolean hitBy(String printed) {
      return line != null && printed.contains(line);
    }

    boolean hitBy(Path output, Path created) {
      if (file == null || !created.getParent().equals(output.resolve(directory))) {
        return false;
      }
      String name = created.getFileName().toString();
      return temporary ? AtomicFiles.isTemporary(created) && name.startsWith("." + file) : name.equals(file);
    }

    /** A batch inside an epoch of a variant. */
    static Moment batch(String variant, int epoch, int batch) {
      return line(String.format(Locale.ROOT, "inside epoch %d of %s (batch %d)", epoch, variant, batch),
          String.format(Locale.ROOT, "%s: seed 42 epoch %d/%d batch %d/%d:", variant, epoch, EPOCHS, batch,
          BATCHES));
    }

    /** The write of a variant's checkpoint after an epoch. */
    static Moment checkpoint(String variant, int epoch) {
      return inside(String.format(Locale.ROOT, "inside the write of %s's checkpoint %d", variant, epoch),
          variant + "/seed-42", String.format(Locale.ROOT, "checkpoint-%04d.zip", epoch));
    }

    /** The write of the state that names a variant's checkpoint. */
    static Moment state(String variant) {
      return inside("inside a write of " + variant + "'s checkpoint.json", variant + "/seed-42", Trainer.STATE);
    }

    /** After the first variant, before the second. */
    static Moment betweenVariants() {
      return line("between the variants", "variant " + PIXELS + " (2/2)");
    }
  }

  /** A child's run: whether it was killed, its exit status, what it printed. */
  record Launch(boolean killed, int exit, List<String> lines) {}

  @Test
  void aTrainingKilledInsideAnEpochInACheckpointWriteAndBetweenVariantsResumesToTheUninterruptedResults()
      throws Exception {
    Path file = TinyLabelledSet.write(tmp.resolve("data"), TinyLabelledSet.YAML);
    Path reference = reference(file);
    List<Moment> kills = List.of(Moment.batch(CODES, 2, 2), Moment.checkpoint(CODES, 3), Moment.betweenVariants());
    List<Map<String, Integer>> after = trial(file, tmp.resolve("trial"), kills, "fixed");
    assertThat(after).as("the kills that landed").hasSize(3);
    // killed inside epoch 2: epoch 1's checkpoint; inside the write of checkpoint 3: 2 (or 3 if the write won)
    assertThat(after.get(0)).containsExactly(Map.entry(CODES, 1));
    assertThat(after.get(1)).containsOnlyKeys(CODES);
    assertThat(after.get(1).get(CODES)).isBetween(2, 3);
    // between the variants: the first is finished, the second not begun
    assertThat(after.get(2)).isEmpty();
    assertSameResults(reference, tmp.resolve("trial"), "fixed");
  }

  @Test
  @Tag("slow")
  void manyTrainingsKilledAtDrawnMomentsResumeToTheUninterruptedResults() throws Exception {
    Path file = TinyLabelledSet.write(tmp.resolve("data"), TinyLabelledSet.YAML);
    Path reference = reference(file);
    String fixed = System.getProperty("kill.seed");
    int trials = fixed != null ? 1 : Integer.getInteger("kill.trials", 6);
    for (int t = 0; t < trials; t++) {
      long seed = fixed != null ? Long.decode(fixed) : BASE_SEED + t;
      SplittableRandom random = new SplittableRandom(seed);
      List<Moment> kills = new ArrayList<>();
      int count = 1 + random.nextInt(3);
      for (int k = 0; k < count; k++) {
        String variant = random.nextBoolean() ? CODES : PIXELS;
        kills.add(switch (random.nextInt(4)) {
          case 0 -> Moment.batch(variant, 1 + random.nextInt(EPOCHS), 1 + random.nextInt(BATCHES - 1));
          case 1 -> Moment.checkpoint(variant, 1 + random.nextInt(EPOCHS));
          case 2 -> Moment.state(variant);
          default -> Moment.betweenVariants();
        });
      }
      String what = "seed 0x" + Long.toHexString(seed);
      Path dir = tmp.resolve("trial-" + t);
      trial(file, dir, kills, what);
      assertSameResults(reference, dir, what);
    }
  }

  /** The uninterrupted run, into {@code reference/}, its codes into {@code codes/} (which the trials reuse). */
  private Path reference(Path file) throws Exception {
    Path dir = tmp.resolve("reference");
    Launch run = launch(file, dir, null, "reference");
    assertThat(run.exit()).as("the reference run:%n%s", String.join("\n", run.lines())).isZero();
    assertThat(run.lines()).noneMatch(l -> l.contains("resuming"));
    return dir;
  }

  /**
   * Runs the file into a directory, killing it at each moment in turn (each run resuming the one killed before;
   * a run that finishes before its moment ends the trial), then once more to the end. Each run that trains a
   * variant left unfinished by a kill must say it resumed after the epoch that variant's checkpoint.json named.
   *
   * @return after each kill that landed, the epoch of each unfinished variant's checkpoint, by variant
   */
  private List<Map<String, Integer>> trial(Path file, Path dir, List<Moment> kills, String what) throws Exception {
    List<Map<String, Integer>> after = new ArrayList<>();
    List<String> story = new ArrayList<>();
    Map<String, Integer> states = Map.of();
    boolean finished = false;
    for (Moment m : kills) {
      Launch run = launch(file, dir, m, what);
      assertResumed(run, states, what);
      if (!run.killed()) {
        assertThat(run.exit()).as("%s: a run that finished before %s:%n%s", what, m.description(),
            String.join("\n", run.lines())).isZero();
        story.add(m.description() + " -> finished first");
        finished = true;
        break;
      }
      List<String> left = temporaries(dir);
      story.add(m.description() + " -> killed" + (left.isEmpty() ? "" : ", left " + left));
      states = states(dir);
      after.add(states);
    }
    if (!finished) {
      Launch last = launch(file, dir, null, what);
      assertThat(last.exit()).as("%s: the last run:%n%s", what, String.join("\n", last.lines())).isZero();
      assertResumed(last, states, what);
    }
    System.out.println(what + ": " + String.join("; ", story) + "; resumed to the reference's results");
    return after;
  }

  /** A run that trains a variant with a checkpoint says first that it resumes after the checkpoint's epoch. */
  private static void assertResumed(Launch run, Map<String, Integer> states, String what) {
    for (Map.Entry<String, Integer> s : states.entrySet()) {
      String prefix = s.getKey() + ": seed 42";
      String expected = String.format(Locale.ROOT, "%s: resuming after epoch %d of %d", prefix, s.getValue(),
          EPOCHS);
      List<String> trained = run.lines().stream().filter(l -> l.contains(prefix)).toList();
      if (!trained.isEmpty()) {
        assertThat(trained.get(0)).as("%s: the first line of %s after the kill", what, s.getKey())
            .contains(expected);
      }
    }
  }

  /** The epoch each unfinished variant's checkpoint.json names, by variant. */
  private static Map<String, Integer> states(Path dir) throws IOException {
    Map<String, Integer> out = new java.util.TreeMap<>();
    for (String v : List.of(CODES, PIXELS)) {
      Path f = dir.resolve(v).resolve("seed-42").resolve(Trainer.STATE);
      if (Files.isRegularFile(f) && !Files.isRegularFile(dir.resolve(v).resolve(DownstreamStage.RESULTS))) {
        out.put(v, (int) Json.number(Json.parseObject(Files.readString(f), f.toString()).get("epoch")));
      }
    }
    return out;
  }

  private static List<String> temporaries(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(AtomicFiles::isTemporary).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  /** The same files, and the same contents but for times. */
  private static void assertSameResults(Path expected, Path actual, String what) throws IOException {
    List<String> names = names(expected);
    assertThat(names(actual)).as("%s: the files", what).isEqualTo(names);
    assertThat(temporaries(actual)).as("%s: temporary files", what).isEmpty();
    for (String name : names) {
      Path e = expected.resolve(name);
      Path a = actual.resolve(name);
      if (name.endsWith(".csv")) {
        assertThat(withoutTimes(csv(a))).as("%s: %s", what, name).isEqualTo(withoutTimes(csv(e)));
      } else if (name.endsWith(".json")) {
        assertThat(withoutTimes(Json.parseObject(Files.readString(a), name))).as("%s: %s", what, name)
            .isEqualTo(withoutTimes(Json.parseObject(Files.readString(e), name)));
      } else if (name.endsWith(".md")) {
        assertThat(markdown(a)).as("%s: %s", what, name).isEqualTo(markdown(e));
      } else if (name.endsWith(".png") || name.endsWith(".yaml") || name.endsWith(".npy")) {
        assertThat(Files.readAllBytes(a)).as("%s: %s, byte for byte", what, name).isEqualTo(Files.readAllBytes(e));
      }
    }
    for (String v : List.of(CODES, PIXELS)) {
      assertThat(Files.readAllLines(actual.resolve(v).resolve("seed-42").resolve(Trainer.TRAINING_CSV)))
          .as("%s: %s's curves", what, v).hasSize(EPOCHS + 1);
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return new ArrayList<>(files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
          .collect(Collectors.toCollection(TreeSet::new)));
    }
  }

  private static List<List<String>> csv(Path file) throws IOException {
    return Files.readAllLines(file).stream().map(l -> List.of(l.split(",", -1))).toList();
  }

  /** A CSV table without its columns of seconds. */
  private static List<List<String>> withoutTimes(List<List<String>> rows) {
    List<Integer> keep = new ArrayList<>();
    for (int c = 0; c < rows.get(0).size(); c++) {
      if (!rows.get(0).get(c).contains("seconds")) {
        keep.add(c);
      }
    }
    return rows.stream().map(r -> keep.stream().map(r::get).toList()).toList();
  }

  /** A JSON tree without its times and without {@code resumedFrom} (which says how the run got there). */
  private static Object withoutTimes(Object tree) {
    if (tree instanceof Map<?, ?> m) {
      Map<String, Object> out = new java.util.TreeMap<>();
      m.forEach((k, v) -> {
        String key = String.valueOf(k);
        if (!key.toLowerCase(Locale.ROOT).contains("seconds") && !key.equals("resumedFrom")
            && !key.equals("startedAt") && !key.equals("finishedAt")) {
          out.put(key, withoutTimes(v));
        }
      });
      return out;
    }
    if (tree instanceof List<?> l) {
      return l.stream().map(TrainingKillTest::withoutTimes).toList();
    }
    return tree;
  }

  /** The summary, the rows of its accuracy table without their last cell (seconds per epoch). */
  private static List<String> markdown(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    boolean accuracyTable = false;
    for (String l : Files.readAllLines(file)) {
      accuracyTable = l.startsWith("|") && (accuracyTable || l.endsWith("| s/epoch |"));
      out.add(accuracyTable ? l.replaceAll("\\| [0-9.]+ \\|$", "|") : l);
    }
    return out;
  }

  /**
   * Runs {@code sparsecode run FILE -o DIR --threads 1} in a child JVM, the codes in {@code tmp/codes}; with a
   * moment, kills the child when it prints that line or creates that file.
   */
  private Launch launch(Path file, Path output, Moment moment, String what) throws Exception {
    Path cache = tmp.resolve("codes");
    Files.createDirectories(cache);
    Files.createDirectories(output);
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        SparsecodeCli.class.getName(), "run", file.toString(), "-o", output.toString(), "--threads", "1", "--set",
        "encoding.cache=" + cache);
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    boolean[] killed = new boolean[1];
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String l = in.readLine(); l != null; l = in.readLine()) {
          lines.add(l);
          if (moment != null && moment.hitBy(l)) {
            kill(child, killed);
          }
        }
      } catch (IOException e) {
        // the child was killed: its output ends here
      }
    });
    reader.start();
    long start = System.nanoTime();
    try (WatchService watcher = tmp.getFileSystem().newWatchService()) {
      register(output, watcher);
      while (child.isAlive()) {
        if (System.nanoTime() - start > LIMIT_NANOS) {
          fail("%s: the child ran for more than 3 minutes:%n%s", what, String.join("\n", lines));
        }
        WatchKey key = watcher.poll(10, TimeUnit.MILLISECONDS);
        if (key == null) {
          continue;
        }
        Path watched = (Path) key.watchable();
        for (WatchEvent<?> e : key.pollEvents()) {
          if (e.kind() != ENTRY_CREATE || !(e.context() instanceof Path p)) {
            continue;
          }
          Path full = watched.resolve(p);
          if (Files.isDirectory(full)) {
            register(full, watcher);
          }
          if (moment != null && moment.hitBy(output, full)) {
            kill(child, killed);
          }
        }
        key.reset();
      }
      child.waitFor(30, TimeUnit.SECONDS);
      reader.join(TimeUnit.SECONDS.toMillis(30));
    } finally {
      child.destroyForcibly();
    }
    Files.write(tmp.resolve(output.getFileName() + ".log"), (String.join("\n", lines) + "\n---- "
        + (killed[0] ? "killed " + moment.description() : "exit " + child.exitValue()) + "\n")
        .getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    return new Launch(killed[0], killed[0] ? -1 : child.exitValue(), List.copyOf(lines));
  }

  private static void kill(Process child, boolean[] killed) {
    synchronized (killed) {
      if (child.isAlive()) {
        child.destroyForcibly();
        killed[0] = true;
      }
    }
  }

  /** Watches a new directory and the directories already in it (created before the watch began). */
  private static void register(Path dir, WatchService watcher) throws IOException {
    try (Stream<Path> tree = Files.walk(dir)) {
      for (Path d : tree.filter(Files::isDirectory).toList()) {
        d.register(watcher, ENTRY_CREATE);
      }
    } catch (NoSuchFileException | UncheckedIOException e) {
      // removed while walked: nothing to watch there
    }
  }
}
