package org.sparsecode.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.core.data.CodeArrays;
import org.sparsecode.core.plugin.SettingsBinder;
import org.sparsecode.experiments.config.NetworkSettings;
import org.sparsecode.experiments.config.TrainingSettings;
import org.sparsecode.experiments.encode.CodeSet;

/**
 * Training that reads the codes' shards as it goes ({@link CodeSplit}, {@link ShardShuffle},
 * {@link WindowReader}): a set in one window trains as the same samples held in memory, a streamed training is
 * reproducible and resumes bit for bit, and a set larger than the heap trains in a small heap.
 */
class StreamingTrainingTest {
  @TempDir
  Path tmp;

  static TrainingSettings training(int epochs, Integer window) {
    return new TrainingSettings(epochs, 16, 1e-2, 5e-4, "l2", "one-cycle", 1, 0, window);
  }

  @Test
  void aWindowLeftOutStaysOutOfTheResolvedConfigurationSoFinishedRunsKeepTheirHash() {
    assertThat(SettingsBinder.toMap(TrainingSettings.defaults())).doesNotContainKey("window");
    assertThat(SettingsBinder.toMap(training(1, 2))).containsEntry("window", 2);
    assertThat(TrainingSettings.defaults().windowShards(100L << 20)).isEqualTo(5);
    assertThat(TrainingSettings.defaults().windowShards(600L << 20)).isEqualTo(1);
    assertThat(training(1, 3).windowShards(1)).isEqualTo(3);
  }

  @Test
  void codesThatFitInOneWindowTrainAsTheSameSamplesHeldInMemoryBitForBit() {
    Samples train = TrainerTest.planted(48, 3);
    Samples test = TrainerTest.planted(16, 4);
    CodeSet codes = CodeFiles.write(tmp.resolve("codes"), train, test, 8, CodeArrays.Dtype.FLOAT32);
    Trainer memory = new Trainer(train, test, TrainerTest.network(), training(2, null), 7, tmp.resolve("memory"),
        s -> { });
    Trainer.Outcome m = memory.run();
    Trainer streamed = new Trainer(CodeSplit.open(codes, "train"), CodeSplit.open(codes, "test"),
        TrainerTest.network(), training(2, null), 7, tmp.resolve("streamed"), s -> { });
    Trainer.Outcome s = streamed.run();
    assertThat(streamed.window()).as("the default window holds the 6 shards").isGreaterThanOrEqualTo(6);
    assertThat(streamed.peakWindows()).isEqualTo(1);
    assertThat(s.network().params().data().asFloat()).containsExactly(m.network().params().data().asFloat());
    assertThat(s.predicted()).containsExactly(m.predicted());
    assertThat(s.epochs().get(1).trainLoss()).isEqualTo(m.epochs().get(1).trainLoss());
  }

  @Test
  void aTrainingReadingTwoShardsAtATimeIsReproducibleAndResumesBitForBit() {
    Samples train = TrainerTest.planted(48, 3);
    Samples test = TrainerTest.planted(16, 4);
    CodeSet codes = CodeFiles.write(tmp.resolve("codes"), train, test, 8, CodeArrays.Dtype.FLOAT16);
    List<String> log = new ArrayList<>();
    Trainer first = new Trainer(CodeSplit.open(codes, "train"), CodeSplit.open(codes, "test"),
        TrainerTest.network(), training(3, 2), 7, tmp.resolve("first"), log::add);
    Trainer.Outcome a = first.run();
    assertThat(first.window()).isEqualTo(2);
    assertThat(first.peakWindows()).as("the window trained on and the next, read ahead").isEqualTo(2);
    assertThat(log).anyMatch(l -> l.contains("reading the 6 training shards a window of 2 at a time"));
    Trainer.Outcome b = new Trainer(CodeSplit.open(codes, "train"), CodeSplit.open(codes, "test"),
        TrainerTest.network(), training(3, 2), 7, tmp.resolve("second"), s -> { }).run();
    assertThat(b.network().params().data().asFloat()).containsExactly(a.network().params().data().asFloat());
    new Trainer(CodeSplit.open(codes, "train"), CodeSplit.open(codes, "test"), TrainerTest.network(),
        training(3, 2), 7, tmp.resolve("cut"), s -> { }).stopAfter(2).run();
    Trainer.Outcome resumed = new Trainer(CodeSplit.open(codes, "train"), CodeSplit.open(codes, "test"),
        TrainerTest.network(), training(3, 2), 7, tmp.resolve("cut"), s -> { }).run();
    assertThat(resumed.resumedFrom()).isEqualTo(2);
    assertThat(resumed.network().params().data().asFloat()).containsExactly(a.network().params().data()
        .asFloat());
    assertThat(resumed.predicted()).containsExactly(a.predicted());
  }

  @Test
  void aWindowOfShardsChangesTheOrderFromTheWholeSetShuffle() {
    Samples train = TrainerTest.planted(48, 3);
    Samples test = TrainerTest.planted(16, 4);
    CodeSet codes = CodeFiles.write(tmp.resolve("codes"), train, test, 8, CodeArrays.Dtype.FLOAT32);
    Trainer.Outcome whole = new Trainer(CodeSplit.open(codes, "train"), CodeSplit.open(codes, "test"),
        TrainerTest.network(), training(1, null), 7, tmp.resolve("whole"), s -> { }).run();
    Trainer.Outcome windowed = new Trainer(CodeSplit.open(codes, "train"), CodeSplit.open(codes, "test"),
        TrainerTest.network(), training(1, 1), 7, tmp.resolve("windowed"), s -> { }).run();
    assertThat(windowed.epochs().get(0).trainLoss()).isNotEqualTo(whole.epochs().get(0).trainLoss());
  }

  /** Bytes of the large set's training split held as floats: more than the child's heap. */
  static final long LARGE_BYTES = (long) Probe.TRAIN * Probe.CHANNELS * Probe.SIDE * Probe.SIDE * Float.BYTES;

  @Test
  void aSetLargerThanTheHeapTrainsInASmallHeapReadingItsShardsAsItGoes() throws Exception {
    assertThat(LARGE_BYTES).as("the set as floats, beyond the child's heap").isGreaterThan(64L << 20);
    Path codes = tmp.resolve("large");
    long t0 = System.nanoTime();
    CodeFiles.planted(codes, Probe.TRAIN, Probe.TEST, Probe.CHANNELS, Probe.SIDE, Probe.SHARD);
    long written = System.nanoTime() - t0;
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
        // the heap is what is bounded; ND4J's memory off the heap has its own limits, which JavaCPP would derive
        // from this small heap
        "-Dorg.bytedeco.javacpp.maxbytes=1g", "-Dorg.bytedeco.javacpp.maxphysicalbytes=0", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), Probe.class.getName(), codes.toString(),
        tmp.resolve("run").toString());
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String l = in.readLine(); l != null; l = in.readLine()) {
        lines.add(l);
      }
    }
    assertThat(child.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(child.exitValue()).as("the child:%n%s", String.join("\n", lines)).isZero();
    String peak = lines.stream().filter(l -> l.startsWith("peak ")).findFirst().orElseThrow();
    System.out.println("a set of " + (LARGE_BYTES >> 20) + " MiB as floats trained in -Xmx64m: " + peak
        + " (written in " + written / 1_000_000 + " ms)");
    assertThat(peak).contains("windows 2");
  }

  /** Trains one epoch on the large set (the child JVM's main). */
  static final class Probe {
    static final int TRAIN = 2_500;
    static final int TEST = 64;
    static final int CHANNELS = 32;
    static final int SIDE = 16;
    static final int SHARD = 250;

    private Probe() {}

    /**
     * Trains and prints the peak windows and heap.
     *
     * @param args the codes' directory, the run's directory
     */
    public static void main(String[] args) {
      long t0 = System.nanoTime();
      CodeSet codes = CodeSet.open(Path.of(args[0]));
      Trainer t = new Trainer(CodeSplit.open(codes, "train"), CodeSplit.open(codes, "test"),
          new NetworkSettings(null, null, List.of(1), List.of(4), 0.0, null, null, null, false),
          new TrainingSettings(1, 250, 1e-2, 0.0, "l2", "constant", 1, 0, 2), 1, Path.of(args[1]), s -> { });
      Trainer.Outcome o = t.run();
      long heap = 0;
      for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == java.lang.management.MemoryType.HEAP) {
          heap += pool.getPeakUsage().getUsed();
        }
      }
      System.out.println("peak windows " + t.peakWindows() + ", heap " + (heap >> 20) + " MiB; test accuracy "
          + o.testAccuracy() + "; " + (System.nanoTime() - t0) / 1_000_000 + " ms in all, the epoch "
          + Math.round(o.epochs().get(0).seconds() * 1000) + " ms");
    }
  }
}
