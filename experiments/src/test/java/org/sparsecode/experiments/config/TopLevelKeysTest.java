package org.sparsecode.experiments.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.Precision;
import org.sparsecode.core.fft.FftBackend;

/** The top level of a file: the allowed keys, did-you-mean, values missing, and the header scalars. */
class TopLevelKeysTest extends LoaderTestBase {
  @Test
  void theNameDefaultsToTheFileName() {
    assertThat(load("yaml/minimal.yaml").name()).isEqualTo("minimal");
  }

  @Test
  void topLevelDefaultsAreSeedZeroFloat32AndTheAvailableProcessors() {
    ExperimentConfig c = load("yaml/minimal.yaml").experiments().get(0);
    assertThat(c.seed()).isZero();
    assertThat(c.precision()).isEqualTo(Precision.FLOAT32);
    assertThat(c.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(c.description()).isNull();
  }

  @Test
  void zeroThreadsIsAnError() {
    assertFails("invalid/bad-threads.yaml", ":1:10: threads: must be in [1, 4096], got 0");
  }

  @Test
  void anUnknownTopLevelKeyIsNamedWithTheValidKeys() {
    assertFails("invalid/unknown-top-level-key.yaml", ":4:1: metrcs: unknown key 'metrcs'; did you mean"
        + " 'metrics'? Valid keys: name, description, seed, precision, fft, threads, images, data, dictionary,"
        + " learning, solver, encoding, network, training, metrics, variants, parts, sweep");
  }

  @Test
  void anUnknownPrecisionListsTheChoices() {
    assertFails("invalid/bad-precision.yaml", ":1:12: precision: expected one of float32, float64, got"
        + " 'float16'; did you mean 'float32'?");
  }

  @Test
  void anEmptySweepIsAnErrorThatSaysWhatToWrite() {
    assertFails("invalid/sweep.yaml", ":5:1: sweep: is empty; write e.g. sweep: { solver.lambda: [1e-3, 1e-2] },"
        + " or remove the key");
  }

  @Test
  void moreThreadsThanAnyMachineHasAreRefusedWithTheRange() throws IOException {
    assertWrittenFails("threads.yaml", "solver: { type: toy-solver }\nthreads: 1000000\n", ":5:10: threads: must"
        + " be in [1, 4096], got 1000000");
  }

  @Test
  void aBlockWithoutValueIsAnErrorNotAnAbsentBlock() throws IOException {
    assertWrittenFails("no-learning.yaml", "solver: { type: toy-solver }\nlearning:\n", ":5:1: learning: no value;"
        + " write a block such as learning: { type: ... }, or remove the key");
  }

  // ---------------------------------------------------------------------------------------------------
  // the lists and messages on their own

  @Test
  void aVariantMayOverrideEveryKeyButNameVariantsPartsAndSweep() {
    assertThat(TopLevelKeys.VARIANT).containsExactly("description", "seed", "precision", "threads", "images",
        "data", "dictionary", "learning", "solver", "encoding", "network", "training", "metrics");
  }

  @Test
  void aSetMayStartWithEveryKeyButVariantsPartsAndSweep() {
    assertThat(TopLevelKeys.SETTABLE).containsExactly("name", "description", "seed", "precision", "fft", "threads",
        "images", "data", "dictionary", "learning", "solver", "encoding", "network", "training", "metrics");
  }

  @Test
  void anUnknownKeyCloseToAValidOneGetsADidYouMean() {
    assertThat(TopLevelKeys.unknownKey("solvr", List.of("seed", "solver"))).isEqualTo("unknown key"
        + " 'solvr'; did you mean 'solver'? Valid keys: seed, solver");
  }

  @Test
  void anUnknownKeyFarFromEveryValidOneListsThem() {
    assertThat(TopLevelKeys.unknownKey("zzzzzz", List.of("file", "set"))).isEqualTo("unknown key"
        + " 'zzzzzz'; valid keys: file, set");
  }

  @Test
  void aKeyWithoutValueIsToldWhatToWrite() {
    assertThat(TopLevelKeys.noValue("metrics")).isEqualTo("no value; write a list such as metrics: [psnr,"
        + " sparseness], or remove the key");
    assertThat(TopLevelKeys.noValue("seed")).isEqualTo("no value; write one, or remove the key");
  }

  @Test
  void aDirectoryNameHoldsNoSlashAndIsNeitherDotNorDotDot() {
    assertThat(TopLevelKeys.isDirectoryName("thin-1.v_2")).isTrue();
    assertThat(TopLevelKeys.isDirectoryName("a/b")).isFalse();
    assertThat(TopLevelKeys.isDirectoryName(".")).isFalse();
    assertThat(TopLevelKeys.isDirectoryName("..")).isFalse();
    assertThat(TopLevelKeys.isDirectoryName("")).isFalse();
  }

  @Test
  void theHeaderBindsItsScalars() throws YamlTrees.SyntaxError {
    Node tree = YamlTrees.parse("name: n\nseed: 7\nprecision: float64\nthreads: 3", "", null);
    assertThat(TopLevelKeys.header(tree, new Locator("f.yaml", tree, null))).isEqualTo(
        new TopLevelKeys.Header("n", null, 7L, Precision.FLOAT64, FftBackend.AUTO, 3));
  }

  @Test
  void theHeaderBindsTheFftEngine() throws YamlTrees.SyntaxError {
    Node tree = YamlTrees.parse("fft: jtransforms", "", null);
    assertThat(TopLevelKeys.header(tree, new Locator("f.yaml", tree, null)).fft()).isEqualTo(FftBackend.JTRANSFORMS);
  }

  @Test
  void anUnknownFftEngineIsLocatedAtItsValueAndListsTheThree() throws YamlTrees.SyntaxError {
    Node tree = YamlTrees.parse("seed: 1\nfft: mkl", "", null);
    assertThatThrownBy(() -> TopLevelKeys.header(tree, new Locator("f.yaml", tree, null)))
        .isInstanceOf(ConfigError.class).hasMessageStartingWith("f.yaml:2:6: fft: ")
        .hasMessageContaining("auto").hasMessageContaining("fftw").hasMessageContaining("jtransforms");
  }

  @Test
  void aBadHeaderNameIsLocatedAtItsValue() throws YamlTrees.SyntaxError {
    Node tree = YamlTrees.parse("seed: 1\nname: a/b", "", null);
    assertThatThrownBy(() -> TopLevelKeys.header(tree, new Locator("f.yaml", tree, null)))
        .isInstanceOf(ConfigError.class).hasMessage("f.yaml:2:7: name: may hold only letters, digits, '_', '.' and"
            + " '-' (it names the output directory), got 'a/b'");
  }
}
