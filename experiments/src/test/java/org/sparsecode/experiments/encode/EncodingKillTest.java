package org.sparsecode.experiments.encode;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.core.io.AtomicFiles;
import org.sparsecode.core.io.Npy;
import org.sparsecode.experiments.cli.SparsecodeCli;

/**
 * An encoding killed with SIGKILL ({@link Process#destroyForcibly()}: no shutdown hook, no {@code finally}) in a
 * child JVM, then run again to the end, leaves the codes of an uninterrupted run: the same files, the codes,
 * labels and positions byte for byte, the stats but for their seconds, no temporary file. Each trial kills once,
 * at a moment drawn from a seeded {@link SplittableRandom}: the creation of a shard file's temporary (inside an
 * atomic write) or of its stats file (the shard just finished), of a shard drawn among the first ten of fifteen.
 * The default build runs {@value #TRIALS} trials; {@code -Dkill.trials=N} sets their number, {@code
 * -Dkill.seed=0x...} replays one.
 */
class EncodingKillTest {
  private static final int TRIALS = 2;
  private static final long BASE_SEED = 0x6b11_e7c0L;
  private static final long LIMIT_NANOS = TimeUnit.MINUTES.toNanos(3);
  /** Shards of two images and more iterations, so that a shard lasts long enough to be killed inside. */
  private static final String YAML = TinyData.YAML.replace("maxIterations: 5", "maxIterations: 25")
      .replace("shard: 8}", "shard: 2}");

  @TempDir
  Path tmp;

  @Test
  void aKilledEncodingResumesToTheCodesOfAnUninterruptedOne() throws Exception {
    Path file = TinyData.write(tmp.resolve("data"), YAML);
    Path reference = tmp.resolve("reference-codes");
    assertThat(launch(file, tmp.resolve("reference"), reference, null, null).exit).isZero();
    Path referenceKey = only(reference);
    String fixed = System.getProperty("kill.seed");
    int trials = fixed != null ? 1 : Integer.getInteger("kill.trials", TRIALS);
    for (int t = 0; t < trials; t++) {
      long seed = fixed != null ? Long.decode(fixed) : BASE_SEED + t;
      SplittableRandom random = new SplittableRandom(seed);
      // the kinds of moment alternate (inside a write of a shard's codes, after a shard's stats); the shard is drawn
      boolean insideWrite = t % 2 == 0;
      String target = String.format(Locale.ROOT, "%s-%05d.npy", insideWrite ? "codes" : "stats",
          1 + random.nextInt(9));
      String what = "seed 0x" + Long.toHexString(seed) + ": kill at " + (insideWrite ? "the temporary of " : "")
          + "train/" + target;
      Path cache = tmp.resolve("codes-" + t);
      Launch killed = launch(file, tmp.resolve("run-" + t), cache, target, insideWrite);
      assertThat(killed.killed).as("%s: the child finished before the kill", what).isTrue();
      Path key = only(cache);
      long done = count(key, "stats-");
      assertThat(done).as("%s: shards complete when killed (mid-way)", what).isBetween(1L, 14L);
      assertThat(launch(file, tmp.resolve("run-" + t), cache, null, null).exit).as("%s: the resumed run", what)
          .isZero();
      assertSameCodes(referenceKey, key, what);
      System.out.println(what + ": killed with " + done + " of 15 shards complete"
          + (killed.left.isEmpty() ? "" : ", leaving " + killed.left) + "; resumed to the reference's codes");
    }
  }

  private static Path only(Path cache) throws IOException {
    try (Stream<Path> keys = Files.list(cache)) {
      List<Path> all = keys.toList();
      assertThat(all).as("one key in %s", cache).hasSize(1);
      return all.get(0);
    }
  }

  private static long count(Path key, String prefix) throws IOException {
    long n = 0;
    for (String split : List.of("train", "test")) {
      try (Stream<Path> files = Files.list(key.resolve(split))) {
        n += files.filter(p -> p.getFileName().toString().startsWith(prefix)).count();
      }
    }
    return n;
  }

  private static void assertSameCodes(Path expected, Path actual, String what) throws IOException {
    List<String> names = names(expected);
    assertThat(names(actual)).as("%s: the files", what).isEqualTo(names);
    assertThat(names).as("%s: temporaries", what).noneMatch(n -> AtomicFiles.isTemporary(Path.of(n)));
    for (String name : names) {
      Path e = expected.resolve(name);
      Path a = actual.resolve(name);
      String base = e.getFileName().toString();
      if (base.startsWith("stats-")) {
        double[] x = Npy.read(e).data();
        double[] y = Npy.read(a).data();
        assertThat(y).hasSameSizeAs(x);
        for (int i = 0; i < x.length; i++) {
          if (i % 4 != 3) {
            assertThat(y[i]).as("%s: %s[%d]", what, name, i).isEqualTo(x[i]);
          }
        }
      } else if (base.endsWith(".npy")) {
        assertThat(Files.readAllBytes(a)).as("%s: %s, byte for byte", what, name).isEqualTo(Files.readAllBytes(e));
      }
    }
    assertThat(Files.readString(actual.resolve(CodeStore.MANIFEST))).contains("\"status\" : \"complete\"");
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return new ArrayList<>(files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
          .collect(Collectors.toCollection(TreeSet::new)));
    }
  }

  /** A child's run: killed or not, its exit status, the temporaries the kill left in the train directory. */
  private record Launch(boolean killed, int exit, List<String> left) {}

  /**
   * Runs {@code sparsecode run} in a child JVM; with a target, kills it when the train directory of its key gets
   * that file (or, inside a write, the temporary file of that file).
   */
  private Launch launch(Path file, Path output, Path cache, String target, Boolean insideWrite) throws Exception {
    Path log = tmp.resolve(output.getFileName() + ".log");
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        SparsecodeCli.class.getName(), "run", file.toString(), "-o", output.toString(), "--threads", "1", "--set",
        "encoding.cache=" + cache);
    Files.createDirectories(cache);
    Process child = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    long start = System.nanoTime();
    try (WatchService watcher = tmp.getFileSystem().newWatchService()) {
      cache.register(watcher, ENTRY_CREATE);
      Path train = null;
      while (child.isAlive()) {
        if (System.nanoTime() - start > LIMIT_NANOS) {
          fail("the child ran for more than 3 minutes:%n%s", Files.readString(log));
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
          if (train == null && watched.equals(cache) && Files.isDirectory(full)) {
            // the key's directory: its train/ is created with it, before any shard
            train = full.resolve("train");
            for (int i = 0; i < 100 && !Files.isDirectory(train); i++) {
              Thread.sleep(5);
            }
            train.register(watcher, ENTRY_CREATE);
          }
          String name = p.getFileName().toString();
          boolean hit = target != null && watched.equals(train) && (insideWrite
              ? AtomicFiles.isTemporary(p) && name.startsWith("." + target) : name.equals(target));
          if (hit && child.isAlive()) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            List<String> left = new ArrayList<>();
            try (Stream<Path> files = Files.list(train)) {
              files.map(f -> f.getFileName().toString()).filter(n -> AtomicFiles.isTemporary(Path.of(n)))
                  .forEach(left::add);
            }
            Files.writeString(log, "---- killed at " + name + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
            return new Launch(true, -1, left);
          }
        }
        key.reset();
      }
      return new Launch(false, child.exitValue(), List.of());
    } finally {
      child.destroyForcibly();
    }
  }
}
