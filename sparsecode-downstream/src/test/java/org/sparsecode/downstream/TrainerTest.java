package org.sparsecode.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.experiments.config.NetworkSettings;
import org.sparsecode.experiments.config.TrainingSettings;

class TrainerTest {
  static final int K = 4;
  static final int SIDE = 8;

  /** Two classes told apart by which code channel is active: class c has positive values in channel c only. */
  static Samples planted(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] v = new float[n][];
    int[] labels = new int[n];
    int[] index = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      index[i] = i;
      float[] x = new float[K * SIDE * SIDE];
      for (int j = 0; j < SIDE * SIDE; j++) {
        if (r.nextDouble() < 0.3) {
          x[labels[i] * SIDE * SIDE + j] = (float) (0.5 + r.nextDouble());
        }
        x[2 * SIDE * SIDE + j] = (float) r.nextDouble() * 0.5f;
      }
      v[i] = x;
      labels[i] = labels[i];
    }
    return new Samples(v, labels, index, K, SIDE, List.of("zero", "one"));
  }

  static NetworkSettings network() {
    return new NetworkSettings(null, null, List.of(1, 1), List.of(4, 8), 0.5, null, null, null, true);
  }

  static TrainingSettings training(int epochs) {
    return new TrainingSettings(epochs, 16, 1e-2, 5e-4, "l2", "one-cycle", 1, 0);
  }

  @Test
  void aPlantedTwoClassProblemIsLearnedInAFewEpochs(@TempDir Path dir) throws Exception {
    Trainer.Outcome o = new Trainer(planted(64, 1), planted(32, 2), network(), training(4), 42, dir, s -> { })
        .run();
    assertThat(o.testAccuracy()).isGreaterThanOrEqualTo(0.9);
    assertThat(o.epochs()).hasSize(4);
    assertThat(Files.readAllLines(dir.resolve(Trainer.TRAINING_CSV))).hasSize(5)
        .first().isEqualTo("epoch,train_loss,train_accuracy,test_loss,test_accuracy,seconds");
    List<String> pred = Files.readAllLines(dir.resolve(Trainer.PREDICTIONS_CSV));
    assertThat(pred).hasSize(33);
    assertThat(pred.get(0)).isEqualTo("index,label,predicted");
    assertThat(pred.get(2)).startsWith("1,1,");
  }

  @Test
  void aResumedTrainingEqualsAnUninterruptedOneBitForBit(@TempDir Path dir) {
    Samples train = planted(48, 3);
    Samples test = planted(16, 4);
    List<String> log = new ArrayList<>();
    Trainer.Outcome whole = new Trainer(train, test, network(), training(3), 7, dir.resolve("whole"), s -> { })
        .run();
    new Trainer(train, test, network(), training(3), 7, dir.resolve("cut"), s -> { }).stopAfter(1).run();
    Trainer.Outcome resumed = new Trainer(train, test, network(), training(3), 7, dir.resolve("cut"), log::add)
        .run();
    assertThat(resumed.resumedFrom()).isEqualTo(1);
    assertThat(log).anyMatch(l -> l.contains("resuming after epoch 1 of 3"));
    assertThat(resumed.network().params().data().asFloat()).containsExactly(whole.network().params().data()
        .asFloat());
    assertThat(resumed.network().getUpdater().getStateViewArray().data().asFloat()).containsExactly(
        whole.network().getUpdater().getStateViewArray().data().asFloat());
    for (int e = 0; e < 3; e++) {
      assertThat(resumed.epochs().get(e).testLoss()).isEqualTo(whole.epochs().get(e).testLoss());
      assertThat(resumed.epochs().get(e).trainLoss()).isEqualTo(whole.epochs().get(e).trainLoss());
    }
    assertThat(resumed.predicted()).containsExactly(whole.predicted());
  }

  @Test
  void aResumedTrainingDeletesTheCheckpointAKillLeftBesideTheOneItResumesFrom(@TempDir Path dir) throws Exception {
    Samples train = planted(32, 3);
    Samples test = planted(16, 4);
    new Trainer(train, test, network(), training(2), 7, dir, s -> { }).run();
    // killed after naming checkpoint 2 in checkpoint.json, before deleting checkpoint 1
    Files.copy(dir.resolve("checkpoint-0002.zip"), dir.resolve("checkpoint-0001.zip"));
    List<String> log = new ArrayList<>();
    new Trainer(train, test, network(), training(2), 7, dir, log::add).run();
    assertThat(log).anyMatch(l -> l.contains("resuming after epoch 2 of 2"));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".zip")))
          .containsExactly("checkpoint-0002.zip");
    }
  }
}
