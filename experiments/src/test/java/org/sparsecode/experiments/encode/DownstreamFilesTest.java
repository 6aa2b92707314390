package org.sparsecode.experiments.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.core.data.FashionMnistSettings;
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
}
