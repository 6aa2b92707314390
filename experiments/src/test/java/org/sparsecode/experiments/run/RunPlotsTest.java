package org.sparsecode.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.sparsecode.experiments.results.RunDirectory;

class RunPlotsTest {
  @TempDir
  Path tmp;

  private static ExperimentConfig small() {
    return ToyConfigs.config("small", Map.of(), Map.of(), Map.of("lambda", 0.1));
  }

  private static ExperimentConfig large() {
    return ToyConfigs.config("large", Map.of(), Map.of(), Map.of("lambda", 0.5));
  }

  @Test
  void aRunDrawsItsDictionaryAndTheReconstructionOfItsFirstImageOnly() throws IOException {
    Path dir = tmp.resolve("out");
    new PlanRunner(ToyConfigs.plan(ToyConfigs.config()), RunOptions.defaults()).run(dir);
    assertThat(ImageIO.read(dir.resolve(RunDirectory.DICTIONARY_PNG).toFile())).isNotNull();
    assertThat(ImageIO.read(dir.resolve("reconstruction-img0.png").toFile())).isNotNull();
    assertThat(dir.resolve("reconstruction-img1.png")).doesNotExist();
  }

  /** A progress reporter that keeps the lines it is told. */
  private static ProgressReporter collecting(List<String> said) {
    return new ProgressReporter() {
      @Override
      public void info(String line) {
        said.add(line);
      }
    };
  }

  @Test
  void variantsDrawTheComparisonPlotsAndLinkThemFromComparisonMd() throws IOException {
    Path dir = tmp.resolve("out");
    List<String> said = new ArrayList<>();
    ProgressReporter p = collecting(said);
    new PlanRunner(ToyConfigs.plan(small(), large()), new RunOptions(null, false, p)).run(dir);
    assertThat(said).noneMatch(line -> line.startsWith("warning"));
    assertThat(ImageIO.read(dir.resolve(RunDirectory.PSNR_PLOT).toFile())).isNotNull();
    assertThat(ImageIO.read(dir.resolve(RunDirectory.SECONDS_PLOT).toFile())).isNotNull();
    assertThat(dir.resolve("small/" + RunDirectory.DICTIONARY_PNG)).isRegularFile();
    assertThat(dir.resolve("large/reconstruction-img0.png")).isRegularFile();
    String md = Files.readString(dir.resolve(RunDirectory.COMPARISON_MD));
    assertThat(md).contains("](psnr-vs-sparseness.png)").contains("](seconds.png)")
        .contains("](small/dictionary.png)").contains("](large/reconstruction-img0.png)");
  }

  @Test
  void aDrawingThatNeverEndsIsAbandonedWithAWarning() {
    List<String> said = new ArrayList<>();
    ProgressReporter p = collecting(said);
    CountDownLatch never = new CountDownLatch(1);
    boolean drawn = RunPlots.draw("stuck.png", p, () -> {
      try {
        never.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, Duration.ofMillis(200));
    assertThat(drawn).isFalse();
    assertThat(said).containsExactly("warning: gave up drawing stuck.png after 0.2 s (the run goes on without it)");
  }

  @Test
  void drawingsStartedTogetherRunOneAfterTheOther() throws Exception {
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CyclicBarrier together = new CyclicBarrier(4);
    ExecutorService cells = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> drawn = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String name = "cell" + i + ".png";
        drawn.add(cells.submit(() -> {
          together.await();
          return RunPlots.draw(name, collecting(new ArrayList<>()), () -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
              Thread.sleep(50);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            inside.decrementAndGet();
          });
        }));
      }
      for (Future<Boolean> d : drawn) {
        assertThat(d.get()).isTrue();
      }
    } finally {
      cells.shutdownNow();
    }
    assertThat(most.get()).as("drawings in progress at once").isEqualTo(1);
  }

  @Test
  void aDrawingThatFailsIsReportedAndTheRunGoesOn() {
    List<String> said = new ArrayList<>();
    ProgressReporter p = collecting(said);
    boolean drawn = RunPlots.draw("broken.png", p, () -> {
      throw new IllegalStateException("no fonts");
    });
    assertThat(drawn).isFalse();
    assertThat(said).containsExactly("warning: could not draw broken.png (the run goes on without it): "
        + "java.lang.IllegalStateException: no fonts");
  }

  @Test
  void aCompleteDirectoryKeepsItsPlotsUntouched() throws IOException {
    Path dir = tmp.resolve("out");
    new PlanRunner(ToyConfigs.plan(small(), large()), RunOptions.defaults()).run(dir);
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    for (String f : new String[] {RunDirectory.PSNR_PLOT, "small/" + RunDirectory.DICTIONARY_PNG,
        "small/reconstruction-img0.png"}) {
      Files.setLastModifiedTime(dir.resolve(f), old);
    }
    PlanRunner.Outcome again = new PlanRunner(ToyConfigs.plan(small(), large()), RunOptions.defaults()).run(dir);
    assertThat(again.alreadyComplete()).isTrue();
    assertThat(Files.getLastModifiedTime(dir.resolve(RunDirectory.PSNR_PLOT))).isEqualTo(old);
    assertThat(Files.getLastModifiedTime(dir.resolve("small/" + RunDirectory.DICTIONARY_PNG))).isEqualTo(old);
    assertThat(Files.getLastModifiedTime(dir.resolve("small/reconstruction-img0.png"))).isEqualTo(old);
  }

  @Test
  void forceRemovesTheReconstructionOfAnImageNoLongerFirst() throws IOException {
    Path dir = tmp.resolve("out");
    new PlanRunner(ToyConfigs.plan(ToyConfigs.config()), RunOptions.defaults()).run(dir);
    Files.write(dir.resolve("reconstruction-stale.png"), new byte[] {1});
    new PlanRunner(ToyConfigs.plan(ToyConfigs.config()), new RunOptions(null, true, ProgressReporter.NONE)).run(dir);
    assertThat(dir.resolve("reconstruction-stale.png")).doesNotExist();
    assertThat(dir.resolve("reconstruction-img0.png")).isRegularFile();
  }

  @Test
  void reconstructionFileNamesKeepOnlySafeCharacters() {
    assertThat(RunDirectory.reconstructionPng("a b/c.d")).isEqualTo("reconstruction-a_b_c.d.png");
  }
}
