package org.sparsecode.downstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.core.io.AtomicFiles;
import org.sparsecode.experiments.config.NetworkSettings;
import org.sparsecode.experiments.config.TrainingSettings;
import org.sparsecode.experiments.results.Json;
import org.sparsecode.experiments.run.ProgressReporter;

/**
 * Trains one network (one seed) and evaluates it after every epoch, checkpointing into its directory.
 *
 * <p>Determinism and resumption: every epoch draws its shuffle, its flips and its dropout masks from generators
 * seeded by (seed, epoch) alone, and the checkpoint after an epoch holds the weights, the batch-normalisation
 * statistics, Adam's moments and the step count (the learning rate's schedule is a function of the step). So a
 * training killed at any moment resumes from its last finished epoch and, with one thread, ends with the same
 * weights and metrics as one never interrupted. Each checkpoint is {@code checkpoint-<epoch>.zip} (written
 * atomically), then {@value #STATE} (atomically) names it; the older one is deleted after (or, when a
 * kill came in between, by the run that resumes).
 *
 * <p>Outputs: {@value #TRAINING_CSV} (a row per epoch), {@value #PREDICTIONS_CSV} (the last epoch's class of
 * every test image) and, last, {@value #RESULT} (the run's summary: accuracy, loss, confusion matrix).
 */
public final class Trainer {
  /** A row per epoch: epoch, train loss and accuracy, test loss and accuracy, seconds. */
  public static final String TRAINING_CSV = "training.csv";
  /** A row per test image: its index in the test files, its label, the class predicted. */
  public static final String PREDICTIONS_CSV = "predictions.csv";
  /** The finished run's summary. */
  public static final String RESULT = "run.json";
  /** Which epoch the last checkpoint holds, with the rows so far. */
  public static final String STATE = "checkpoint.json";
  /** A checkpoint's file name. */
  private static final java.util.regex.Pattern CHECKPOINT = java.util.regex.Pattern.compile(
      "checkpoint-\\d{4,}\\.zip");

  private final SampleSource train;
  private final SampleSource test;
  private final NetworkSettings network;
  private final TrainingSettings training;
  private final long seed;
  private final Path directory;
  private final Consumer<String> log;
  private final InputTransform transform;
  private final int window;
  private final Shards trainShards;
  private final Shards testShards;
  private int stopAfter = -1;
  private int peakWindows;
  private boolean stopped;

  /**
   * One epoch's numbers.
   *
   * @param epoch from 1
   * @param trainLoss the mean cross-entropy of the training batches, as they were fitted (dropout on, flips),
   *     without the weight decay's term
   * @param trainAccuracy the accuracy in inference mode on an evenly strided subset of the training images, as
   *     many as the test images at most
   * @param testLoss the mean cross-entropy on the test images
   * @param testAccuracy the accuracy on the test images
   * @param seconds the epoch's wall time, evaluation included
   */
  public record Epoch(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
      double seconds) {}

  /**
   * A finished training.
   *
   * @param epochs every epoch's numbers
   * @param labels the test images' labels
   * @param predicted the class the last epoch's network gives each test image
   * @param indices the test images' positions in the test files
   * @param resumedFrom the epoch the training resumed after (0 when it started afresh)
   * @param network the trained network
   */
  public record Outcome(List<Epoch> epochs, int[] labels, int[] predicted, int[] indices, int resumedFrom,
      ComputationGraph network) {

    /**
     * The last epoch's test accuracy.
     *
     * @return it
     */
    public double testAccuracy() {
      return epochs.get(epochs.size() - 1).testAccuracy();
    }
  }

  /**
   * Creates the trainer.
   *
   * @param train the training samples (read a window of shards at a time: {@link ShardShuffle})
   * @param test the test samples (same channels, side and classes; read a shard at a time unless they fit in a
   *     window)
   * @param network the architecture and input transform
   * @param training the optimiser's settings
   * @param seed the seed of the weights, shuffles, flips and dropout
   * @param directory the run's directory (created)
   * @param log where progress lines go
   */
  public Trainer(SampleSource train, SampleSource test, NetworkSettings network, TrainingSettings training, long seed,
      Path directory, Consumer<String> log) {
    if (train.channels() != test.channels() || train.side() != test.side()) {
      throw new IllegalArgumentException("train and test samples differ in shape");
    }
    this.train = train;
    this.test = test;
    this.network = network;
    this.training = training;
    this.seed = seed;
    this.directory = directory;
    this.log = log;
    this.transform = new InputTransform(network.mean(), network.std(), network.ceilDivisor(), network.flip());
    this.window = train.inMemory() ? Math.max(1, train.shards()) : training.windowShards(train.shardBytes());
    this.trainShards = new Shards(train, train.inMemory() || train.shards() <= window);
    this.testShards = new Shards(test, test.inMemory() || test.shards() <= window);
  }

  /**
   * The shards of training samples shuffled together and held at once.
   *
   * @return every shard when the samples are in memory or fit in one window; else {@code training.window}
   */
  int window() {
    return window;
  }

  /**
   * The most windows of training shards held at once so far.
   *
   * @return 0 before training, 1 when the set is one window, else at most 2
   */
  int peakWindows() {
    return peakWindows;
  }

  /**
   * Stops after an epoch, as a killed run would (for tests of resumption).
   *
   * @param epoch the last epoch to train
   * @return this
   */
  public Trainer stopAfter(int epoch) {
    this.stopAfter = epoch;
    return this;
  }

  /**
   * The batches of one epoch.
   *
   * @return ⌈train / batch⌉
   */
  int batchesPerEpoch() {
    return (train.size() + training.batch() - 1) / training.batch();
  }

  /**
   * Trains, resuming from the directory's last checkpoint if there is one.
   *
   * @return the training's numbers and the network
   */
  public Outcome run() {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new SparsecodeException("cannot create " + directory + ": " + e.getMessage(), e);
    }
    AtomicFiles.deleteTemporaries(directory);
    int classes = train.classes().size();
    int steps = training.epochs() * batchesPerEpoch();
    List<Epoch> epochs = new ArrayList<>();
    ComputationGraph net;
    int start = 0;
    Map<String, Object> state = readState();
    if (state != null) {
      start = (int) Json.number(state.get("epoch"));
      net = load(checkpoint(start));
      for (Object row : (List<?>) state.get("epochs")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) row;
        epochs.add(new Epoch((int) Json.number(r.get("epoch")), Json.number(r.get("trainLoss")),
            Json.number(r.get("trainAccuracy")), Json.number(r.get("testLoss")), Json.number(r.get("testAccuracy")),
            Json.number(r.get("seconds"))));
      }
      log.accept(String.format(Locale.ROOT, "seed %d: resuming after epoch %d of %d (%s)", seed, start,
          training.epochs(), checkpoint(start).getFileName()));
      pruneCheckpoints(start);
    } else {
      net = ResNet.create(ResNet.configuration(train.channels(), train.side(), classes, network, training, steps,
          seed));
    }
    if (!trainShards.held() && start < training.epochs()) {
      log.accept(String.format(Locale.ROOT, "seed %d: reading the %d training shards a window of %d at a time (%d"
          + " MiB of floats a window, two windows at most)", seed, train.shards(), window,
          window * train.shardBytes() >> 20));
    }
    Evaluation last = null;
    ExecutorService ahead = trainShards.held() ? null : Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "training-codes-reader");
      t.setDaemon(true);
      return t;
    });
    try {
      last = train(net, start, classes, epochs, ahead);
    } finally {
      if (ahead != null) {
        ahead.shutdownNow();
      }
    }
    if (stopped) {
      return new Outcome(List.copyOf(epochs), test.labels(), last.predicted(), test.indices(), start, net);
    }
    if (last == null) {
      last = evaluate(net, test, testShards, null);
    }
    writeCsv(epochs);
    writePredictions(last.predicted());
    return new Outcome(List.copyOf(epochs), test.labels(), last.predicted(), test.indices(), start, net);
  }

  /** Trains the epochs after {@code start}; returns the last one's evaluation on the test set, if any. */
  private Evaluation train(ComputationGraph net, int start, int classes, List<Epoch> epochs, ExecutorService ahead) {
    Evaluation last = null;
    for (int epoch = start + 1; epoch <= training.epochs(); epoch++) {
      long t0 = System.nanoTime();
      double loss = trainEpoch(net, epoch, classes, t0, ahead);
      Evaluation onTrain = evaluate(net, train, trainShards, stride(train.size(), test.size()));
      last = evaluate(net, test, testShards, null);
      double seconds = (System.nanoTime() - t0) / 1e9;
      Epoch e = new Epoch(epoch, loss, onTrain.accuracy(), last.loss(), last.accuracy(), seconds);
      epochs.add(e);
      net.incrementEpochCount();
      log.accept(String.format(Locale.ROOT, "seed %d epoch %d/%d: train loss %.4f acc %.4f | test loss %.4f acc"
          + " %.4f | %.1f s%s", seed, epoch, training.epochs(), e.trainLoss(), e.trainAccuracy(), e.testLoss(),
          e.testAccuracy(), seconds, eta(epochs, training.epochs() - epoch)));
      saveCheckpoint(net, epoch, epochs);
      if (epoch == stopAfter && epoch < training.epochs()) {
        stopped = true;
        return last;
      }
    }
    return last;
  }

  /** Fits one epoch; returns the mean loss of its batches (cross-entropy alone). */
  private double trainEpoch(ComputationGraph net, int epoch, int classes, long t0, ExecutorService ahead) {
    long epochSeed = seed * 1_000_003L + epoch;
    Nd4j.getRandom().setSeed(epochSeed);
    SplittableRandom random = new SplittableRandom(epochSeed);
    int n = train.size();
    // a set held whole is one window: the order is then a permutation of all samples, as before shards
    ShardShuffle plan = ShardShuffle.draw(n, train.shardSize(), window, random);
    int batches = batchesPerEpoch();
    double sum = 0;
    try (WindowReader reader = new WindowReader(plan, train.shards(),
        trainShards.held() ? trainShards::read : train::shard, ahead)) {
      for (int b = 0; b < batches; b++) {
        int from = b * training.batch();
        reader.beginBatch(from);
        sum += fitBatch(net, epoch, b, batches, from, plan.order(), reader, classes, random, sum, t0);
      }
      peakWindows = Math.max(peakWindows, reader.peak());
    }
    return sum / n;
  }

  /** Fits the batch at {@code from} of the order; returns the sum of its samples' losses. */
  private double fitBatch(ComputationGraph net, int epoch, int b, int batches, int from, int[] order,
      WindowReader reader, int classes, SplittableRandom random, double before, long t0) {
    int per = train.channels() * train.side() * train.side();
    int size = train.shardSize();
    int m = Math.min(training.batch(), train.size() - from);
    float[] x = new float[m * per];
    float[] y = new float[m * classes];
    for (int i = 0; i < m; i++) {
      int s = order[from + i];
      int shard = s / size;
      transform.apply(reader.shard(shard), (s - shard * size) * per, x, i * per, train.channels(), train.side(),
          random);
      y[i * classes + train.labels()[s]] = 1;
    }
    INDArray features = Nd4j.create(x, new long[] {m, train.channels(), train.side(), train.side()}, 'c');
    INDArray labels = Nd4j.create(y, new long[] {m, classes}, 'c');
    net.fit(new DataSet(features, labels));
    double loss = net.score() - net.calcRegularizationScore(true);
    if (!Double.isFinite(loss)) {
      throw new SparsecodeException(String.format(Locale.ROOT, "seed %d epoch %d batch %d: the loss is %s: the"
          + " training diverged; lower training.learningRate", seed, epoch, b + 1, loss));
    }
    if (training.logEvery() > 0 && (b + 1) % training.logEvery() == 0 && b + 1 < batches) {
      double elapsed = (System.nanoTime() - t0) / 1e9;
      double left = elapsed / (b + 1) * (batches - b - 1);
      log.accept(String.format(Locale.ROOT, "seed %d epoch %d/%d batch %d/%d: loss %.4f (epoch ends in %s)", seed,
          epoch, training.epochs(), b + 1, batches, (before + loss * m) / (from + m),
          ProgressReporter.duration(left)));
    }
    return loss * m;
  }

  /**
   * A source's shards for sequential reads: every shard kept once read (a set held in memory, or one that fits
   * in a window: read once for the whole training), or the last one read only.
   */
  static final class Shards {
    private final SampleSource source;
    private final float[][] all;
    private int lastShard = -1;
    private float[] last;

    Shards(SampleSource source, boolean hold) {
      this.source = source;
      this.all = hold ? new float[source.shards()][] : null;
    }

    /** Whether every shard is kept. */
    boolean held() {
      return all != null;
    }

    /** One shard: kept, or read now (and kept until another is read, or {@link #forget()}). */
    float[] read(int shard) {
      if (all != null) {
        if (all[shard] == null) {
          all[shard] = source.shard(shard);
        }
        return all[shard];
      }
      if (shard != lastShard) {
        last = null;
        last = source.shard(shard);
        lastShard = shard;
      }
      return last;
    }

    /** Lets the last shard read go (the kept ones stay). */
    void forget() {
      last = null;
      lastShard = -1;
    }
  }

  /** The test images' losses and classes. */
  record Evaluation(double loss, double accuracy, int[] predicted) {}

  /** Every {@code n / m}-th of n samples, m at most; {@code null} for all of them. */
  private static int[] stride(int n, int m) {
    if (m >= n) {
      return null;
    }
    int[] pick = new int[m];
    for (int i = 0; i < m; i++) {
      pick[i] = (int) ((long) i * n / m);
    }
    return pick;
  }

  /** Evaluates a network in inference mode on some samples (no flip; the cutoff applies). */
  Evaluation evaluate(ComputationGraph net, SampleSource set, Shards shards, int[] pick) {
    int n = pick == null ? set.size() : pick.length;
    int per = set.channels() * set.side() * set.side();
    int[] predicted = new int[n];
    double loss = 0;
    int right = 0;
    for (int from = 0; from < n; from += training.batch()) {
      int m = Math.min(training.batch(), n - from);
      float[] x = new float[m * per];
      for (int i = 0; i < m; i++) {
        int s = pick == null ? from + i : pick[from + i];
        int shard = s / set.shardSize();
        transform.apply(shards.read(shard), (s - shard * set.shardSize()) * per, x, i * per, set.channels(),
            set.side(), null);
      }
      INDArray out = net.output(false, Nd4j.create(x, new long[] {m, set.channels(), set.side(), set.side()}, 'c'))[0];
      for (int i = 0; i < m; i++) {
        int s = pick == null ? from + i : pick[from + i];
        int best = 0;
        for (int c = 1; c < out.columns(); c++) {
          if (out.getDouble(i, c) > out.getDouble(i, best)) {
            best = c;
          }
        }
        predicted[from + i] = best;
        right += best == set.labels()[s] ? 1 : 0;
        loss -= Math.log(Math.max(out.getDouble(i, set.labels()[s]), 1e-30));
      }
    }
    shards.forget();
    return new Evaluation(loss / n, right / (double) n, predicted);
  }

  private Path checkpoint(int epoch) {
    return directory.resolve(String.format(Locale.ROOT, "checkpoint-%04d.zip", epoch));
  }

  private Map<String, Object> readState() {
    Path f = directory.resolve(STATE);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try {
      Map<String, Object> s = Json.parseObject(Files.readString(f), f.toString());
      if (Json.number(s.get("seed")) != seed) {
        throw new SparsecodeException(f + " is a checkpoint of seed " + s.get("seed") + ", not " + seed);
      }
      return s;
    } catch (IOException e) {
      throw new SparsecodeException("cannot read " + f + ": " + e.getMessage(), e);
    }
  }

  private static ComputationGraph load(Path file) {
    try {
      return ModelSerializer.restoreComputationGraph(file.toFile(), true);
    } catch (IOException e) {
      throw new SparsecodeException("cannot read the checkpoint " + file + ": " + e.getMessage()
          + "; delete it and " + STATE + " beside it to train from the start", e);
    }
  }

  private void saveCheckpoint(ComputationGraph net, int epoch, List<Epoch> epochs) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ModelSerializer.writeModel(net, bytes, true);
    } catch (IOException e) {
      throw new SparsecodeException("cannot serialise the network: " + e.getMessage(), e);
    }
    AtomicFiles.write(checkpoint(epoch), bytes.toByteArray());
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("epoch", epoch);
    s.put("seed", seed);
    s.put("checkpoint", checkpoint(epoch).getFileName().toString());
    s.put("epochs", epochs.stream().map(Trainer::row).toList());
    AtomicFiles.writeString(directory.resolve(STATE), Json.pretty(s));
    pruneCheckpoints(epoch);
  }

  /**
   * Deletes every checkpoint but the one of an epoch: after a checkpoint is named in {@value #STATE}, and when a
   * run resumes (a run killed between naming a checkpoint and deleting the one before left both; another killed
   * after writing a checkpoint but before naming it left one that the rerun writes again).
   */
  private void pruneCheckpoints(int keep) {
    String kept = keep > 0 ? checkpoint(keep).getFileName().toString() : null;
    try (var files = Files.list(directory)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (CHECKPOINT.matcher(name).matches() && !name.equals(kept)) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException e) {
      throw new SparsecodeException("cannot delete an old checkpoint in " + directory + ": " + e.getMessage(), e);
    }
  }

  static Map<String, Object> row(Epoch e) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("epoch", e.epoch());
    r.put("trainLoss", e.trainLoss());
    r.put("trainAccuracy", e.trainAccuracy());
    r.put("testLoss", e.testLoss());
    r.put("testAccuracy", e.testAccuracy());
    r.put("seconds", e.seconds());
    return r;
  }

  private void writeCsv(List<Epoch> epochs) {
    StringBuilder sb = new StringBuilder("epoch,train_loss,train_accuracy,test_loss,test_accuracy,seconds\n");
    for (Epoch e : epochs) {
      sb.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.6f,%.3f%n", e.epoch(), e.trainLoss(),
          e.trainAccuracy(), e.testLoss(), e.testAccuracy(), e.seconds()));
    }
    AtomicFiles.writeString(directory.resolve(TRAINING_CSV), sb.toString());
  }

  private void writePredictions(int[] predicted) {
    StringBuilder sb = new StringBuilder("index,label,predicted\n");
    for (int i = 0; i < predicted.length; i++) {
      sb.append(test.indices()[i]).append(',').append(test.labels()[i]).append(',').append(predicted[i])
          .append('\n');
    }
    AtomicFiles.writeString(directory.resolve(PREDICTIONS_CSV), sb.toString());
  }

  private static String eta(List<Epoch> epochs, int left) {
    if (left == 0) {
      return "";
    }
    double mean = epochs.stream().mapToDouble(Epoch::seconds).average().orElse(0);
    return " (ETA " + ProgressReporter.duration(mean * left) + ")";
  }
}
