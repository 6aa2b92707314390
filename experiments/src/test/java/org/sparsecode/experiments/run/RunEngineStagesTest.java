package org.sparsecode.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.experiments.config.ConfigLoader;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.results.RunResult;

/**
 * {@link RunEngine}'s stages: the learning stage alone ({@link RunEngine#learn()}) leaves a run in progress that a
 * later run codes from without learning again, with the numbers of a run in one go.
 */
class RunEngineStagesTest {
  @TempDir
  Path tmp;

  /** Counts the learning steps and keeps the log lines. */
  private static final class Recorder implements ProgressReporter {
    final List<Integer> steps = new ArrayList<>();
    final List<String> lines = new ArrayList<>();

    @Override
    public void learningStep(int step, int total, double objective) {
      steps.add(step);
    }

    @Override
    public void info(String line) {
      lines.add(line);
    }
  }

  private ExperimentPlan plan() throws IOException {
    Path file = Files.writeString(tmp.resolve("learns.yaml"), """
        name: learns
        images: {type: embedded, size: 24, names: [camera, coffee]}
        dictionary: {type: log-gabor, preset: thin, size: 8}
        learning: {type: online-cdl, steps: 3, maxIterations: 5, checkpointEvery: 10}
        solver: {type: fista, lambda: 0.02, maxIterations: 10, relStopTol: 0}
        metrics: [psnr, sparseness, coefficient-histogram]
        """);
    return new ConfigLoader(PluginRegistry.load()).load(file, List.of());
  }

  private static RunEngine engine(ExperimentPlan plan, Path dir, ProgressReporter progress) {
    return ExperimentModule.engine(plan.experiments().get(0), new RunOptions(1, false, progress),
        new RunDirectory(dir));
  }

  @Test
  void theLearningStageLeavesARunInProgressWithTheLearningBlockAndNoImage() throws IOException {
    ExperimentPlan plan = plan();
    RunResult started = engine(plan, tmp.resolve("learn"), ProgressReporter.NONE).learn();
    assertThat(started.status()).isEqualTo(RunResult.RUNNING);
    assertThat(started.images()).isEmpty();
    assertThat(started.learning()).containsKey("objective");
    RunDirectory dir = new RunDirectory(tmp.resolve("learn"));
    assertThat(dir.readLearned()).isPresent();
    assertThat(dir.file(RunDirectory.DICTIONARY)).exists();
  }

  @Test
  void aRunAfterTheLearningStageCodesWithoutLearningAgainAndEqualsARunInOneGo() throws IOException {
    ExperimentPlan plan = plan();
    RunResult whole = engine(plan, tmp.resolve("whole"), ProgressReporter.NONE).run();
    Recorder first = new Recorder();
    engine(plan, tmp.resolve("staged"), first).learn();
    assertThat(first.steps).hasSize(3);
    Recorder second = new Recorder();
    RunResult staged = engine(plan, tmp.resolve("staged"), second).run();
    assertThat(second.steps).isEmpty();
    assertThat(second.lines).anyMatch(l -> l.startsWith("learning finished earlier"));
    // as results.json records them (the stage's block was read back from its file)
    assertThat(new RunDirectory(tmp.resolve("staged")).results().orElseThrow().learning())
        .isEqualTo(new RunDirectory(tmp.resolve("whole")).results().orElseThrow().learning());
    assertThat(staged.images()).hasSize(2);
    for (int i = 0; i < 2; i++) {
      assertThat(staged.images().get(i).metrics()).isEqualTo(whole.images().get(i).metrics());
    }
    assertThat(Files.readString(tmp.resolve("staged").resolve("coefficient-histogram.csv")))
        .isEqualTo(Files.readString(tmp.resolve("whole").resolve("coefficient-histogram.csv")));
    // the learned dictionary was only needed while coding
    assertThat(tmp.resolve("staged").resolve(RunDirectory.LEARNED)).doesNotExist();
  }
}
