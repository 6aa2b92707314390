package org.sparsecode.experiments.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.data.LabelledData;
import org.sparsecode.api.data.LabelledImages;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.data.CodeArrays;
import org.sparsecode.core.io.Float16;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.experiments.cli.SparsecodeCli;
import org.sparsecode.experiments.config.ConfigLoader;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.sparsecode.experiments.results.Json;

/**
 * {@code sparsecode run} of an experiment with {@code data:} on a tiny labelled set ({@link TinyData}: 20 train + 10
 * test images of 28×28, a thin 8×8 dictionary, 5 iterations, shards of 8 stored at 14×14 in float16): the shards'
 * shapes and labels, the stored values against the solver's own codes, reuse of the codes by a second run,
 * another key for another setting, a half-written shard coded again, the run directory's files, and validate.
 */
class EncodingStageTest {
  @TempDir
  Path tmp;

  /** One in-process run of the command line. */
  private record Cli(int status, String out, String err) {}

  private static Cli cli(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int status = SparsecodeCli.execute(args, new PrintWriter(o), new PrintWriter(e));
    return new Cli(status, o.toString(), e.toString());
  }

  private Cli run(Path file, String output, String... extra) {
    List<String> args = new ArrayList<>(List.of("run", file.toString(), "-o", tmp.resolve(output).toString()));
    args.addAll(List.of(extra));
    Cli c = cli(args.toArray(String[]::new));
    assertThat(c.status()).as("run failed:%n%s", c.err()).isZero();
    return c;
  }

  private static Map<String, Object> json(Path file) throws IOException {
    return Json.parseObject(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  private CodeSet codes(String output) throws IOException {
    return CodeSet.open(Path.of(String.valueOf(json(tmp.resolve(output).resolve(EncodingRunner.ENCODING))
        .get("codes"))));
  }

  @Test
  void theShardsHaveTheLayoutsShapesWithTheDataSetsLabelsAndPositions() throws IOException {
    Path file = TinyData.write(tmp.resolve("data"));
    run(file, "runs/a");
    CodeSet set = codes("runs/a");
    assertThat(set.directory().getParent()).isEqualTo(tmp.resolve("runs/codes"));
    assertThat(set.layout().shards("train")).isEqualTo(3);
    assertThat(set.layout().shards("test")).isEqualTo(2);
    ExperimentConfig config = config(file);
    LabelledData data = config.data().create(config.context());
    int[] trainSizes = {8, 8, 4};
    for (int s = 0; s < 3; s++) {
      assertThat(set.codes("train", s).shape()).containsExactly(trainSizes[s], 144, 14, 14);
      int[] labels = set.labels("train", s);
      int[] indices = set.indices("train", s);
      for (int i = 0; i < trainSizes[s]; i++) {
        assertThat(labels[i]).isEqualTo(data.train().label(8 * s + i));
        assertThat(indices[i]).isEqualTo(data.train().sourceIndex(8 * s + i));
      }
    }
    assertThat(set.codes("test", 1).shape()).containsExactly(2, 144, 14, 14);
    assertThat(set.classes()).containsExactly("0", "1", "2", "3");
  }

  @Test
  void storedCodesAreTheSolversCodesAveragedOverTwoByTwoBlocksWithinFloat16Rounding() throws IOException {
    Path file = TinyData.write(tmp.resolve("data"));
    run(file, "runs/a");
    CodeSet set = codes("runs/a");
    ExperimentConfig config = config(file);
    Solve solve = new Solve(config);
    float[] stored = set.codes("test", 1).values();
    int per = 144 * 14 * 14;
    for (int slot = 0; slot < 2; slot++) {
      double[] dense = solve.dense(solve.data.test(), 8 + slot);
      int nonZero = 0;
      for (int k = 0; k < 144; k++) {
        for (int y = 0; y < 14; y++) {
          for (int x = 0; x < 14; x++) {
            double mean = 0;
            for (int dy = 0; dy < 2; dy++) {
              for (int dx = 0; dx < 2; dx++) {
                mean += dense[(k * 28 + 2 * y + dy) * 28 + 2 * x + dx];
              }
            }
            mean /= 4;
            float expected = Float16.toFloat(Float16.fromFloat((float) mean));
            assertThat(stored[slot * per + (k * 14 + y) * 14 + x]).as("image %d, map %d, (%d, %d)", slot, k, y, x)
                .isEqualTo(expected);
            nonZero += mean != 0 ? 1 : 0;
          }
        }
      }
      assertThat(nonZero).as("the code of image %d is not all zero", slot).isPositive();
    }
  }

  @Test
  void codesStoredWholeInFloat32AreTheSolversCodesExactly() throws IOException {
    Path file = TinyData.write(tmp.resolve("data"), TinyData.YAML.replace("encoding: {store: {size: 14}, shard: 8}",
        "encoding: {store: {size: 28, dtype: float32}, shard: 8}"));
    run(file, "runs/a");
    CodeSet set = codes("runs/a");
    Solve solve = new Solve(config(file));
    CodeArrays.Floats stored = set.codes("train", 2);
    assertThat(stored.shape()).containsExactly(4, 144, 28, 28);
    double[] dense = solve.dense(solve.data.train(), 16 + 3);
    int per = 144 * 28 * 28;
    for (int q = 0; q < per; q++) {
      assertThat(stored.values()[3 * per + q]).isEqualTo((float) dense[q]);
    }
  }

  @Test
  void aSecondRunThatAsksForTheSameCodesReusesThemAndCodesNothing() throws IOException {
    Path file = TinyData.write(tmp.resolve("data"));
    Cli first = run(file, "runs/a");
    assertThat(first.err()).contains("encoding 30 of 30 images (20 train, 10 test)");
    Path shard = codes("runs/a").directory().resolve("train/codes-00000.npy");
    byte[] bytes = Files.readAllBytes(shard);
    long modified = Files.getLastModifiedTime(shard).toMillis();
    Cli second = run(file, "runs/b");
    assertThat(second.err()).contains("reusing 20 train and 10 test codes, nothing to encode")
        .doesNotContain("shard 1/3");
    Map<String, Object> encoding = json(tmp.resolve("runs/b").resolve(EncodingRunner.ENCODING));
    assertThat(encoding.get("coded")).isEqualTo(0);
    assertThat(encoding.get("reused")).isEqualTo(30);
    assertThat(encoding.get("codes")).isEqualTo(json(tmp.resolve("runs/a").resolve(EncodingRunner.ENCODING))
        .get("codes"));
    assertThat(Files.readAllBytes(shard)).isEqualTo(bytes);
    assertThat(Files.getLastModifiedTime(shard).toMillis()).isEqualTo(modified);
  }

  @Test
  void anotherSolverSettingGivesOtherCodesUnderAnotherKey() throws IOException {
    Path file = TinyData.write(tmp.resolve("data"));
    run(file, "runs/a");
    Cli other = run(file, "runs/b", "--set", "solver.maxIterations=6");
    assertThat(other.err()).contains("encoding 30 of 30 images");
    assertThat(codes("runs/b").directory()).isNotEqualTo(codes("runs/a").directory());
    try (Stream<Path> keys = Files.list(tmp.resolve("runs/codes"))) {
      assertThat(keys.count()).isEqualTo(2);
    }
  }

  @Test
  void aHalfWrittenShardAndALeftTemporaryAreCodedAgainToTheSameBytes() throws IOException {
    Path file = TinyData.write(tmp.resolve("data"));
    run(file, "runs/a");
    Path root = codes("runs/a").directory();
    Path codes1 = root.resolve("train/codes-00001.npy");
    byte[] before = Files.readAllBytes(codes1);
    // as a kill between the shard's writes leaves it: codes rewritten half, stats not yet there
    Files.write(codes1, java.util.Arrays.copyOf(before, before.length / 2));
    Files.delete(root.resolve("train/stats-00001.npy"));
    Path temporary = Files.write(root.resolve("train/.codes-00002.npy12345.tmp"), new byte[10]);
    Cli again = run(file, "runs/b");
    assertThat(again.err()).contains("encoding 8 of 30 images (20 train, 10 test)").contains("22 already there");
    assertThat(Files.readAllBytes(codes1)).isEqualTo(before);
    assertThat(temporary).doesNotExist();
    assertThat(json(tmp.resolve("runs/b").resolve(EncodingRunner.ENCODING)).get("coded")).isEqualTo(8);
    assertThat(json(root.resolve(CodeStore.MANIFEST)).get("status")).isEqualTo("complete");
  }

  @Test
  void theRunDirectoryHoldsACompleteResultsJsonWithTheSummaryOfBothSplits() throws IOException {
    Path file = TinyData.write(tmp.resolve("data"));
    Cli c = run(file, "runs/a");
    Path dir = tmp.resolve("runs/a");
    Map<String, Object> results = json(dir.resolve("results.json"));
    assertThat(results.get("status")).isEqualTo("complete");
    assertThat((List<?>) results.get("images")).isEmpty();
    Map<?, ?> summary = (Map<?, ?>) results.get("summary");
    assertThat(List.copyOf(summary.keySet())).isEqualTo(List.of("psnr", "sparseness", "iterations", "seconds"));
    double psnr = Json.number(((Map<?, ?>) summary.get("psnr")).get("mean"));
    assertThat(psnr).isBetween(5.0, 60.0);
    assertThat(((Map<?, ?>) results.get("provenance")).get("imagesSha256"))
        .isEqualTo(json(dir.resolve(EncodingRunner.ENCODING)).get("key"));
    Map<String, Object> encoding = json(dir.resolve(EncodingRunner.ENCODING));
    assertThat(encoding.get("images")).isEqualTo(30);
    assertThat(((Map<?, ?>) encoding.get("stored")).get("bytesPerImage")).isEqualTo(144 * 14 * 14 * 2);
    assertThat(((Map<?, ?>) encoding.get("train")).get("perClass")).isEqualTo(List.of(5, 5, 5, 5));
    assertThat(((Map<?, ?>) encoding.get("test")).get("perClass")).isEqualTo(List.of(3, 3, 2, 2));
    assertThat(dir.resolve("dictionary.npy")).isRegularFile();
    assertThat(dir.resolve("config.yaml")).isRegularFile();
    assertThat(c.out()).contains("| tiny-encode | log-gabor 144×8×8 | 30     |");
    // a rerun into the same directory leaves it as it is
    assertThat(run(file, "runs/a").out()).contains("already complete");
  }

  @Test
  void theCacheSettingPutsTheCodesWhereItSaysRelativeToTheFile() throws IOException {
    Path file = TinyData.write(tmp.resolve("data"), TinyData.YAML.replace("shard: 8}", "shard: 8, cache: my-codes}"));
    run(file, "runs/a");
    assertThat(codes("runs/a").directory().getParent()).isEqualTo(tmp.resolve("data/my-codes"));
  }

  @Test
  void variantsEncodeEachIntoItsDirectoryWithAComparison() throws IOException {
    Path file = TinyData.write(tmp.resolve("data"), TinyData.YAML + """
        variants:
          thin: {}
          full: {dictionary: {preset: full}}
        """);
    Cli c = run(file, "runs/v");
    assertThat(tmp.resolve("runs/v/thin/encoding.json")).isRegularFile();
    assertThat(tmp.resolve("runs/v/full/encoding.json")).isRegularFile();
    assertThat(Files.readString(tmp.resolve("runs/v/comparison.md"))).contains("| thin ").contains("| full ");
    assertThat(codes("runs/v/thin").directory()).isNotEqualTo(codes("runs/v/full").directory());
    assertThat(c.out()).contains("| full ");
  }

  @Test
  void validateDescribesTheDataTheStoredFormAndItsSize() {
    Path file = TinyData.write(tmp.resolve("data"));
    Cli c = cli("validate", file.toString());
    assertThat(c.status()).as(c.err()).isZero();
    assertThat(c.out()).contains("idx: 20 train + 10 test images (4 classes), coded at 28x28, stored 144 x 14x14"
        + " float16 (55.1 KiB per image, 1.6 MiB in all), dictionary log-gabor, solver cbpdn-admm");
  }

  private static ExperimentConfig config(Path file) {
    return new ConfigLoader(PluginRegistry.load()).load(file, List.of()).experiments().get(0);
  }

  /** The experiment's data, dictionary and solver, made as the encoder makes them (one thread per solve). */
  private static final class Solve {
    final LabelledData data;
    final Dictionary dictionary;
    final SparseSolver solver;

    Solve(ExperimentConfig config) {
      PluginContext context = config.context();
      data = config.data().create(context);
      dictionary = config.dictionary().create(context).generate();
      solver = config.solver().create(new PluginContext(config.seed(), config.precision(), 1,
          context.baseDirectory()));
    }

    double[] dense(LabelledImages set, int index) {
      return solver.solve(dictionary, set.get(index)).code().toDense();
    }
  }
}
