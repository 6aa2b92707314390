package org.sparsecode.experiments.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.data.FashionMnistSettings;
import org.sparsecode.core.io.DictionaryFiles;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.experiments.cli.SparsecodeCli;
import org.sparsecode.experiments.config.ConfigLoader;
import org.sparsecode.experiments.config.ExperimentConfig;

/**
 * The downstream experiment files ({@code experiments/downstream/}): they load without the data, and where
 * Fashion-MNIST is installed ({@code scripts/install-fashion-mnist.sh}; the checks skip themselves otherwise)
 * {@code validate} reads it and describes the encoding.
 */
class DownstreamFilesTest {
  private static final Path QUICK = Path.of("downstream", "encode-quick.yaml");
  private static final Path LEARNED = Path.of("downstream", "dictionaries", "learned-full.npy");

  @Test
  void theQuickEncodingLoadsAsThePapersEncodingCallOnFashionMnist() {
    ExperimentConfig c = new ConfigLoader(PluginRegistry.load()).load(QUICK, List.of()).experiments().get(0);
    assertThat(c.data().type()).isEqualTo("fashion-mnist");
    assertThat(c.solver().settings().toString()).contains("maxIterations=250").contains("relStopTol=0.1")
        .contains("l1Weight=0.5").contains("rsdlRatio=1.05");
    assertThat(c.encoding().store().size()).isEqualTo(28);
  }

  @TempDir
  Path tmp;

  private static void assumeInstalled() {
    assumeTrue(Files.isRegularFile(Path.of(FashionMnistSettings.DEFAULT_PATH, "train-images-idx3-ubyte.gz")),
        "Fashion-MNIST is not installed (scripts/install-fashion-mnist.sh)");
  }

  @Test
  void theQuickEncodingShrunkToThirtyRealImagesRunsAndItsCodesRead() {
    assumeInstalled();
    Path dir = tmp.resolve("runs/quick");
    int status = SparsecodeCli.execute(new String[] {"run", QUICK.toString(), "-o", dir.toString(), "--set",
        "data.train=20", "--set", "data.test=10", "--set", "dictionary.size=8", "--set", "solver.maxIterations=5",
        "--set", "encoding.shard=16"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    assertThat(status).isZero();
    CodeSet codes = CodeSet.open(only(tmp.resolve("runs/codes")));
    assertThat(codes.codes("train", 1).shape()).containsExactly(4, 144, 28, 28);
    assertThat(codes.labels("test", 0)).hasSize(10).containsOnly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(codes.classes()).contains("Ankle boot");
  }

  private static Path only(Path dir) {
    try (var files = Files.list(dir)) {
      return files.findFirst().orElseThrow();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theQuickEncodingValidatesOnTheInstalledData() {
    assumeInstalled();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = SparsecodeCli.execute(new String[] {"validate", QUICK.toString()}, new PrintWriter(out),
        new PrintWriter(err));
    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("fashion-mnist: 400 train + 200 test images (10 classes), coded at 56x56,"
        + " stored 144 x 28x28 float16 (220.5 KiB per image, 129.2 MiB in all)");
  }

  @Test
  void theBundledLearnedDictionaryHoldsTheFullPresetsShapeWithUnitNormKernelsChangedByLearning() {
    Dictionary learned = DictionaryFiles.read(LEARNED);
    assertThat(learned.count()).isEqualTo(144);
    assertThat(learned.size()).isEqualTo(12);
    double[] k = learned.kernels();
    int n = learned.size() * learned.size();
    for (int j = 0; j < learned.count(); j++) {
      double norm = 0;
      for (int i = 0; i < n; i++) {
        norm += k[j * n + i] * k[j * n + i];
      }
      assertThat(Math.sqrt(norm)).as("kernel %d", j).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
    ExperimentConfig full = variant("downstream/quick.yaml", "full-none");
    assertThat(CodeKey.sha256(full.dictionary().create(full.context()).generate()))
        .as("learning moved the kernels").isNotEqualTo(CodeKey.sha256(learned));
  }

  @Test
  void everyDownstreamFileCodesItsLearnedVariantsWithTheBundledDictionary() {
    for (String file : List.of("quick", "overnight", "paper-scale")) {
      for (String ceil : List.of("none", "4", "2")) {
        ExperimentConfig c = variant("downstream/" + file + ".yaml", "learned-" + ceil);
        assertThat(c.dictionary().type()).as(file).isEqualTo("npy-file");
        assertThat(CodeKey.sha256(c.dictionary().create(c.context()).generate())).as(file)
            .isEqualTo(CodeKey.sha256(DictionaryFiles.read(LEARNED)));
        assertThat(c.network().ceil()).as(file).isEqualTo(ceil);
      }
    }
  }

  @Test
  void theCentredQuickFileIsTheQuickFileWithInputsCentredOnZero() {
    for (String v : List.of("pixels-none", "pixels-2", "thin-none", "thin-2", "full-none", "full-2", "learned-none",
        "learned-2")) {
      ExperimentConfig quick = variant("downstream/quick.yaml", v);
      ExperimentConfig centred = variant("downstream/quick-centred.yaml", v);
      assertThat(quick.network().mean()).as(v).isEqualTo(0.5);
      assertThat(centred.network().mean()).as(v).isEqualTo(0.0);
      assertThat(centred.network().ceil()).as(v).isEqualTo(quick.network().ceil());
      assertThat(centred.training()).as(v).isEqualTo(quick.training());
      assertThat(CodeKey.sha256(centred.dictionary().create(centred.context()).generate())).as(v)
          .isEqualTo(CodeKey.sha256(quick.dictionary().create(quick.context()).generate()));
    }
  }

  @Test
  @Tag("slow")
  void learnFullYamlLearnsTheBundledDictionaryAgainByteForByte() throws java.io.IOException {
    Path dir = tmp.resolve("learn-full");
    StringWriter err = new StringWriter();
    int status = SparsecodeCli.execute(new String[] {"run", "paper/learn-full.yaml", "-o", dir.toString()},
        new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(status).as(err.toString()).isZero();
    assertThat(Files.readAllBytes(dir.resolve("dictionary.npy"))).isEqualTo(Files.readAllBytes(LEARNED));
  }

  private static ExperimentConfig variant(String file, String name) {
    return new ConfigLoader(PluginRegistry.load()).load(Path.of(file), List.of()).experiments().stream()
        .filter(e -> name.equals(e.variant())).findFirst().orElseThrow(() -> new AssertionError(file + ": " + name));
  }
}
