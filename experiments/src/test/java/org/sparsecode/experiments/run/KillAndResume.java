package org.sparsecode.experiments.run;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.sparsecode.core.io.AtomicFiles;
import org.sparsecode.core.io.Npy;
import org.sparsecode.core.io.Npz;
import org.sparsecode.experiments.cli.SparsecodeCli;
import org.sparsecode.experiments.report.RunReport;
import org.sparsecode.experiments.results.Json;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.sweep.SweepTables;

/**
 * Kill-and-resume trials of {@code sparsecode run FILE -o DIR --threads 1}: the command runs in a child JVM (this
 * JVM's {@code java}, this test's class path), is killed with SIGKILL ({@link Process#destroyForcibly()}: no
 * shutdown hook, no {@code finally}) at a moment drawn from a seeded {@link SplittableRandom}, possibly run and
 * killed again, then run to the end; its directory must then hold what an uninterrupted run of the same command
 * holds.
 *
 * <p>A kill moment is drawn, with equal chances, in one of two ways, both measured on one uninterrupted
 * reference run (in a child JVM too, so that its times compare): a time, uniform over the first 90% of the
 * reference run's wall time (or of a shorter uninterrupted run's, seen since) from the child's start (so kills
 * land during start-up, learning, checkpoint writes, coding, plotting and the report alike, in proportion to
 * their duration), or the creation of the
 * n-th temporary file of an atomic write ({@link AtomicFiles}), n uniform over the count the reference run
 * made, seen through a {@link WatchService} on the directory: those kills land at every write of the run,
 * checkpoints included, whatever their duration, and some land inside the write (the killed process then
 * leaves its temporary file behind, which the next run must remove). A rerun resumes and does less, so a
 * later kill's moment may lie beyond its end: then it finishes and the trial has fewer kills ({@link #trial}
 * starts over when the first run of a trial finishes first).
 *
 * <p>After every kill each file left in the directory must be whole (JSON parses, {@code .npy}/{@code .npz}
 * read, PNG decode); after the final run the directory must list the same files as the reference (no
 * temporary file, no {@code coefficients-partial.npz}, nothing missing), {@code results.json} must be
 * equal but for times ({@code provenance.startedAt}, {@code finishedAt}, every {@code seconds} and
 * {@code stages}), {@code metrics.csv} equal but for its {@code seconds} column, {@code report.html} present,
 * and every other file (dictionary.npy, the learning checkpoint, CSV, JSON and PNG files) equal byte for byte.
 */
final class KillAndResume {
  /** Files that hold times, compared without them (or, for the report, only for their presence). */
  private static final Set<String> TIMED = Set.of(RunDirectory.RESULTS, RunDirectory.METRICS, RunReport.FILE,
      SweepTables.CSV, SweepTables.AGGREGATED_CSV, SweepTables.JSON);
  private static final long CHILD_LIMIT_NANOS = TimeUnit.MINUTES.toNanos(3);
  /** Kills by time land in the first 90% of the reference's wall time, so that the first one lands at all. */
  private static final double TIME_WINDOW = 0.9;
  /** The destination's name in an atomic write's temporary file name ({@code .<name><digits>.tmp}). */
  private static final Pattern DESTINATION = Pattern.compile("\\.(.+?)\\d+\\.tmp");

  /** A trial whose first run finished before its kill moment starts over at most this many times in all. */
  static final int ATTEMPTS = 3;

  private final String label;
  private final Path file;
  private final Path work;
  private final List<String> args;
  private Reference reference;
  /** The shortest wall time of an uninterrupted run seen so far: the window of kills by time. */
  private long wallTime;

  /**
   * The wall time, temporary-file count and directory of the uninterrupted run.
   *
   * @param directory its output directory
   * @param nanos the child's wall time, from its start to its exit
   * @param temporaries the temporary files its atomic writes created in the directory
   */
  record Reference(Path directory, long nanos, int temporaries) {}

  /**
   * One kill moment and what it did.
   *
   * @param moment the drawn moment, in words
   * @param landed whether the child was still running at that moment (and was killed)
   * @param left the temporary files the kill left in the directory (not there before the killed run)
   */
  record Kill(String moment, boolean landed, List<String> left) {}

  /**
   * A finished trial.
   *
   * @param seed its seed
   * @param directory the resumed run's directory
   * @param kills the kill moments drawn, in order
   */
  record Trial(long seed, Path directory, List<Kill> kills) {
    /**
     * The kills that hit a running child.
     *
     * @return their count
     */
    int landed() {
      return (int) kills.stream().filter(Kill::landed).count();
    }

    /**
     * The kills that left a temporary file (they landed inside an atomic write).
     *
     * @return their count
     */
    int insideWrites() {
      return (int) kills.stream().filter(k -> !k.left().isEmpty()).count();
    }

    @Override
    public String toString() {
      return "seed " + hex(seed) + ": " + kills.stream().map(k -> k.moment() + (k.landed()
          ? " -> killed" + (k.left().isEmpty() ? "" : ", left " + k.left()) : " -> finished first"))
          .collect(Collectors.joining("; "));
    }
  }

  /**
   * Trials of one experiment file.
   *
   * @param label a short name for directories and messages
   * @param file the experiment file
   * @param work a directory for the runs' directories and logs
   * @param args what follows {@code run FILE -o DIR} on every command line ({@code --threads 1} when none)
   */
  KillAndResume(String label, Path file, Path work, String... args) {
    this.label = label;
    this.file = file;
    this.work = work;
    this.args = args.length == 0 ? List.of("--threads", "1") : List.of(args);
  }

  /**
   * The uninterrupted reference run (run on first use).
   *
   * @return its directory and measures
   */
  Reference reference() {
    if (reference == null) {
      Path dir = work.resolve(label + "-reference");
      Launch l = launch(dir, null);
      assertThat(l.exit).as("the reference run failed:\n%s", log(dir)).isZero();
      assertThat(l.temporaries).as("the watcher saw no atomic write of the reference run").isPositive();
      reference = new Reference(dir, l.nanos, l.temporaries);
      wallTime = l.nanos;
    }
    return reference;
  }

  /**
   * Runs one trial: 1 to {@code maxKills} kill moments drawn from {@code seed}, a final run to the end, and
   * the comparison with the reference. A first run that finishes before its kill moment (a machine less busy
   * than during the reference run) is compared with the reference too, and the trial starts over in a new
   * directory with the next draws, at most {@value #ATTEMPTS} times.
   *
   * @param seed the trial's seed
   * @param maxKills the most kills of the trial
   * @return the trial (the comparison passed)
   */
  Trial trial(long seed, int maxKills) {
    Reference ref = reference();
    SplittableRandom random = new SplittableRandom(seed);
    List<Kill> kills = new ArrayList<>();
    Path dir = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      dir = work.resolve(label + "-" + hex(seed) + "-" + attempt);
      boolean missedFirst = false;
      int planned = 1 + random.nextInt(maxKills);
      for (int i = 0; i < planned; i++) {
        Moment m = random.nextBoolean() ? Moment.time((long) (random.nextDouble() * TIME_WINDOW * wallTime))
            : Moment.write(1 + random.nextInt(ref.temporaries()), ref.temporaries());
        List<String> before = temporaryFiles(dir);
        Launch l = launch(dir, m);
        if (!l.killed) {
          assertThat(l.exit).as("seed %s: a resumed run failed:\n%s", hex(seed), log(dir)).isZero();
          kills.add(new Kill(m.toString(), false, List.of()));
          if (i == 0) {
            missedFirst = true;
            wallTime = Math.min(wallTime, l.nanos);
          }
          break;
        }
        List<String> left = new ArrayList<>(temporaryFiles(dir));
        left.removeAll(before);
        kills.add(new Kill(m + " (" + (l.writing == null ? "" : l.writing + ", ") + "at " + l.nanos / 1_000_000
            + " ms)", true, left));
        assertWhole(dir, "seed " + hex(seed) + ", after " + m);
      }
      if (!missedFirst) {
        break;
      }
      assertSameResults(ref.directory(), dir, "seed " + hex(seed) + ", a run that finished before its kill moment");
    }
    Launch last = launch(dir, null);
    Trial t = new Trial(seed, dir, kills);
    assertThat(last.exit).as("%s: the final run failed:\n%s", t, log(dir)).isZero();
    assertSameResults(ref.directory(), dir, t.toString());
    return t;
  }

  private static List<String> temporaryFiles(Path dir) {
    return Files.isDirectory(dir) ? names(dir).stream().filter(n -> AtomicFiles.isTemporary(Path.of(n))).toList()
        : List.of();
  }

  /** When to kill: after some nanoseconds, or at the n-th temporary file. */
  private record Moment(long nanos, int write, int writes) {
    static Moment time(long nanos) {
      return new Moment(nanos, 0, 0);
    }

    static Moment write(int n, int of) {
      return new Moment(0, n, of);
    }

    @Override
    public String toString() {
      return write > 0 ? "kill at temporary file " + write + "/" + writes : "kill at " + nanos / 1_000_000 + " ms";
    }
  }

  /**
   * A child's run: exit status (or -1 when killed), wall time up to its exit or kill, temporary files seen and,
   * for a kill at a temporary file, the file being written.
   */
  private record Launch(boolean killed, int exit, long nanos, int temporaries, String writing) {}

  private Launch launch(Path dir, Moment moment) {
    try {
      Files.createDirectories(dir);
      Path log = logFile(dir);
      Files.writeString(log, "---- " + (moment == null ? "run to the end" : moment) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      try (WatchService watcher = dir.getFileSystem().newWatchService()) {
        watch(watcher, dir);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(),
            // C1 only: these runs are short, and start sooner without C2 (the numbers do not depend on the JIT)
            "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
            SparsecodeCli.class.getName(), "run", file.toString(), "-o", dir.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command)
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long start = System.nanoTime();
        Process child = pb.start();
        try {
          List<String> seen = new ArrayList<>();
          while (child.isAlive()) {
            long now = System.nanoTime();
            if (now - start > CHILD_LIMIT_NANOS) {
              fail("%s ran for more than %d s:%n%s", dir, TimeUnit.NANOSECONDS.toSeconds(CHILD_LIMIT_NANOS), log(dir));
            }
            boolean due;
            if (moment != null && moment.write == 0) {
              child.waitFor(Math.max(0, start + moment.nanos - now), TimeUnit.NANOSECONDS);
              due = true;
            } else {
              temporaries(watcher, watcher.poll(20, TimeUnit.MILLISECONDS), seen);
              due = moment != null && seen.size() >= moment.write;
            }
            if (due && child.isAlive()) {
              long at = System.nanoTime() - start;
              child.destroyForcibly();
              child.waitFor(30, TimeUnit.SECONDS);
              String writing = moment.write > 0 ? seen.get(moment.write - 1) : null;
              return new Launch(true, -1, at, seen.size(), writing);
            }
          }
          long nanos = System.nanoTime() - start;
          temporaries(watcher, watcher.poll(50, TimeUnit.MILLISECONDS), seen);
          for (WatchKey k = watcher.poll(); k != null; k = watcher.poll()) {
            temporaries(watcher, k, seen);
          }
          return new Launch(false, child.exitValue(), nanos, seen.size(), null);
        } finally {
          child.destroyForcibly();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Watches a directory and those under it, so that the writes of a sweep's cells ({@code cells/<hash>/}) are
   * seen too.
   */
  private static void watch(WatchService watcher, Path dir) throws IOException {
    // the child renames and deletes temporary files while the walk lists them: an entry gone between the
    // listing and its visit is skipped, not an error
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attributes) throws IOException {
        try {
          d.register(watcher, ENTRY_CREATE);
        } catch (NoSuchFileException gone) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE;
        }
        throw e;
      }
    });
  }

  /**
   * Adds the destinations of the atomic writes among a watch key's creations of temporary files to
   * {@code seen}, watches the directories created, and re-arms the key. (A file written into a directory
   * before the watch on it starts is not seen: the counts are what a watcher sees, the same way every run.)
   */
  private static void temporaries(WatchService watcher, WatchKey key, List<String> seen) throws IOException {
    if (key == null) {
      return;
    }
    for (WatchEvent<?> e : key.pollEvents()) {
      if (e.kind() == ENTRY_CREATE && e.context() instanceof Path p) {
        Path full = ((Path) key.watchable()).resolve(p);
        if (AtomicFiles.isTemporary(p)) {
          Matcher m = DESTINATION.matcher(p.getFileName().toString());
          seen.add(m.matches() ? m.group(1) : p.toString());
        } else if (Files.isDirectory(full)) {
          watch(watcher, full);
        }
      }
    }
    key.reset();
  }

  /**
   * Checks that every file a killed run left is whole: JSON parses, arrays read, PNG decodes. (Temporary
   * files are the exception: a kill inside an atomic write leaves one, half written.)
   */
  static void assertWhole(Path dir, String when) {
    for (String name : names(dir)) {
      Path f = dir.resolve(name);
      if (AtomicFiles.isTemporary(f)) {
        continue;
      }
      try {
        if (name.endsWith(".json")) {
          Map<String, Object> tree = Json.parseObject(Files.readString(f, StandardCharsets.UTF_8), f.toString());
          if (name.equals(RunDirectory.RESULTS)) {
            assertThat(tree.get("status")).as("%s: status of %s", when, f).isIn("running", "complete");
          }
        } else if (name.endsWith(".npz")) {
          assertThat(Npz.read(f)).as("%s: %s", when, f).isNotEmpty();
        } else if (name.endsWith(".npy")) {
          assertThat(Npy.read(f).data()).as("%s: %s", when, f).isNotEmpty();
        } else if (name.endsWith(".png")) {
          assertThat(ImageIO.read(f.toFile())).as("%s: %s does not decode", when, f).isNotNull();
        } else {
          assertThat(Files.size(f)).as("%s: %s is empty", when, f).isPositive();
        }
      } catch (IOException | RuntimeException e) {
        throw new AssertionError(when + ": " + f + " is not whole: " + e, e);
      }
    }
  }

  /**
   * Asserts that a resumed run's directory holds what the reference's holds (see the class comment).
   *
   * @param expected the reference directory
   * @param actual the resumed run's directory
   * @param what the trial, for messages
   */
  static void assertSameResults(Path expected, Path actual, String what) {
    List<String> names = names(expected);
    assertThat(names(actual)).as("%s: the files of the resumed run", what).isEqualTo(names);
    for (String name : names) {
      Path e = expected.resolve(name);
      Path a = actual.resolve(name);
      String base = e.getFileName().toString();
      if (base.equals(RunDirectory.RESULTS)) {
        assertThat(timeless(json(a))).as("%s: %s without times", what, name).isEqualTo(timeless(json(e)));
        assertThat(json(a).get("status")).as("%s: status", what).isEqualTo("complete");
      } else if (base.equals(RunDirectory.METRICS) || base.equals(SweepTables.CSV)
          || base.equals(SweepTables.AGGREGATED_CSV)) {
        assertThat(withoutColumn(a, "seconds")).as("%s: %s without seconds", what, name)
            .isEqualTo(withoutColumn(e, "seconds"));
      } else if (base.equals(SweepTables.JSON)) {
        assertThat(timeless(json(a))).as("%s: %s without times", what, name).isEqualTo(timeless(json(e)));
      } else if (!TIMED.contains(base) && !(base.endsWith(".png") && base.contains("seconds"))) {
        assertThat(bytes(a)).as("%s: %s, byte for byte%s", what, name, base.endsWith(".png") ? pixels(a, e) : "")
            .isEqualTo(bytes(e));
      }
    }
  }

  /** The directory's files (and sub-directories' files), relative, sorted. */
  static List<String> names(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return new ArrayList<>(files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
          .collect(Collectors.toCollection(TreeSet::new)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A results tree without what depends on time or on the machine: start and finish times, every seconds, the
   * stages, the threads.
   */
  @SuppressWarnings("unchecked")
  private static Object timeless(Object tree) {
    if (tree instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> {
        String key = String.valueOf(k);
        // "threads": a sweep resumed with fewer cells left gives each cell more threads, which its provenance
        // records (its numbers do not depend on them)
        if (!Set.of("seconds", "stages", "startedAt", "finishedAt", "reused", "threads").contains(key)
            && !key.startsWith("seconds_")) {
          out.put(key, timeless(v));
        }
      });
      return out;
    }
    if (tree instanceof List<?> l) {
      return l.stream().map(KillAndResume::timeless).toList();
    }
    return tree;
  }

  private static Map<String, Object> json(Path f) {
    try {
      return Json.parseObject(Files.readString(f, StandardCharsets.UTF_8), f.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<List<String>> withoutColumn(Path csv, String column) {
    try {
      List<List<String>> rows = new ArrayList<>();
      for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
        rows.add(fields(line));
      }
      // the column and its statistics (seconds_mean, seconds_sd, seconds_median ...)
      for (int at = rows.isEmpty() ? 0 : rows.get(0).size() - 1; at >= 0; at--) {
        String name = rows.get(0).get(at);
        if (name.equals(column) || name.startsWith(column + "_")) {
          int i = at;
          rows.forEach(r -> r.remove(i));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fields of a CSV line, a quoted field (which may hold commas and doubled quotes) as one. */
  private static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out;
  }

  /**
   * How two PNG files differ, for the message of a failed byte-for-byte comparison: their sizes, and the box of the
   * pixels that differ.
   */
  private static String pixels(Path actual, Path expected) {
    try {
      BufferedImage a = ImageIO.read(actual.toFile());
      BufferedImage e = ImageIO.read(expected.toFile());
      if (a.getWidth() != e.getWidth() || a.getHeight() != e.getHeight()) {
        return " (" + a.getWidth() + "×" + a.getHeight() + " pixels, the reference's " + e.getWidth() + "×"
            + e.getHeight() + ")";
      }
      int x0 = Integer.MAX_VALUE;
      int y0 = Integer.MAX_VALUE;
      int x1 = -1;
      int y1 = -1;
      int n = 0;
      for (int y = 0; y < a.getHeight(); y++) {
        for (int x = 0; x < a.getWidth(); x++) {
          if (a.getRGB(x, y) != e.getRGB(x, y)) {
            n++;
            x0 = Math.min(x0, x);
            y0 = Math.min(y0, y);
            x1 = Math.max(x1, x);
            y1 = Math.max(y1, y);
          }
        }
      }
      return n == 0 ? " (the same pixels)" : " (" + n + " pixels differ, in x " + x0 + ".." + x1 + ", y " + y0 + ".."
          + y1 + " of " + a.getWidth() + "×" + a.getHeight() + ")";
    } catch (IOException | RuntimeException ex) {
      return " (" + ex + ")";
    }
  }

  private static byte[] bytes(Path f) {
    try {
      return Files.readAllBytes(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The children's output goes next to, not into, the run directory. */
  private static Path logFile(Path dir) {
    return dir.resolveSibling(dir.getFileName() + ".log");
  }

  private static String log(Path dir) {
    try {
      return Files.readString(logFile(dir), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  static String hex(long seed) {
    return "0x" + Long.toHexString(seed);
  }
}
