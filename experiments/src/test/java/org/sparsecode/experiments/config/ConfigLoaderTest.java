package org.sparsecode.experiments.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.Precision;
import org.sparsecode.core.fft.FftBackend;
import org.sparsecode.core.plugin.PluginRegistry;

/**
 * The loader against the toy plugins of this module's test-scope {@code META-INF/services}: one test per
 * rule, each asserting the exact {@code FILE:LINE:COLUMN: key.path: problem} message. Line and column are
 * 1-based and point at the offending key (unknown keys) or value (invalid values); they were checked by
 * hand against the files under {@code src/test/resources/invalid/}.
 */
class ConfigLoaderTest extends LoaderTestBase {
  // ---------------------------------------------------------------------------------------------------
  // a valid file

  @Test
  void theToyPluginsAreFoundThroughTheServiceLoader() {
    assertThat(TOYS.all()).extracting(p -> p.name()).contains("toy-solver", "toy-kernels", "toy-images",
        "toy-learner", "toy-metric");
  }

  @Test
  void aValidFileBindsEveryBlock() {
    ExperimentConfig c = load("yaml/quick.yaml").experiments().get(0);
    assertThat(c.name()).isEqualTo("quick");
    assertThat(c.seed()).isEqualTo(42L);
    assertThat(c.precision()).isEqualTo(Precision.FLOAT32);
    assertThat(c.images().settings()).isEqualTo(new ToyPlugins.ImagesSettings(32, null));
    assertThat(c.solver().settings()).isEqualTo(new ToyPlugins.SolverSettings(0.01, null,
        new ToyPlugins.AutoRho(null, 5)));
    assertThat(c.solver().path()).isEqualTo("solver");
    assertThat(c.learning()).isNull();
    assertThat(c.metrics()).extracting(PluginChoice::type).containsExactly("toy-metric", "toy-count");
    assertThat(c.metrics().get(1).path()).isEqualTo("metrics[1]");
  }

  @Test
  void freeFormSettingsArriveAsTheRawTree() {
    ExperimentConfig c = load("yaml/quick.yaml").experiments().get(0);
    assertThat(((ToyPlugins.KernelSettings) c.dictionary().settings()).bThetas())
        .isEqualTo(Map.of("linspace", List.of(0.0, 0.5235988, 7), "dropFirst", true));
  }

  @Test
  void aFileWithoutVariantsGivesOneExperimentWithoutVariantName() {
    ExperimentPlan plan = load("yaml/quick.yaml");
    assertThat(plan.experiments()).hasSize(1);
    assertThat(plan.hasVariants()).isFalse();
    assertThat(plan.name()).isEqualTo("quick");
    assertThat(plan.experiments().get(0).variant()).isNull();
  }

  @Test
  void theBaseDirectoryIsTheFilesDirectory() {
    assertThat(load("yaml/quick.yaml").experiments().get(0).baseDirectory())
        .isEqualTo(resource("yaml/quick.yaml").getParent());
  }

  @Test
  void aLearningBlockMakesTheSolverOptional() {
    ExperimentConfig c = load("yaml/learning-only.yaml").experiments().get(0);
    assertThat(c.solver()).isNull();
    assertThat(c.learning().settings()).isEqualTo(new ToyPlugins.LearnerSettings(5, null));
    assertThat(c.precision()).isEqualTo(Precision.FLOAT64);
    assertThat(c.threads()).isEqualTo(3);
    assertThat(c.description()).isEqualTo("learn a dictionary, code nothing");
    assertThat(c.metrics()).isEmpty();
  }

  @Test
  void metricsDefaultToPsnrAndSparseness() {
    PluginRegistry withDefaults = PluginRegistry.of(List.of(new ToyPlugins.Images(), new ToyPlugins.Kernels(),
        new ToyPlugins.Solver(), new ToyPlugins.NamedMetric("psnr"), new ToyPlugins.NamedMetric("sparseness")));
    Path file = resource("yaml/quick.yaml").resolveSibling("no-metrics.yaml");
    ExperimentConfig c = new ConfigLoader(withDefaults).load(file, List.of()).experiments().get(0);
    assertThat(c.metrics()).extracting(PluginChoice::type).containsExactly("psnr", "sparseness");
  }

  @Test
  void resolvedHoldsEveryBlockWithItsDefaults() {
    Map<String, Object> resolved = load("yaml/quick.yaml").experiments().get(0).resolved();
    assertThat(resolved.keySet()).containsExactly("name", "seed", "precision", "fft", "images", "dictionary",
        "solver", "metrics");
    assertThat(resolved.get("solver")).isEqualTo(Map.of("type", "toy-solver", "lambda", 0.01, "maxIter", 100,
        "autoRho", Map.of("enabled", true, "period", 5)));
    assertThat(resolved.get("precision")).isEqualTo("float32");
    // auto resolved: the engine that will run, so that the configuration's hash tells the engines apart
    assertThat(resolved.get("fft")).isEqualTo(FftBackend.AUTO.resolve().yamlName()).isNotEqualTo("auto");
  }

  @Test
  void anchorsAliasesAndMergeKeysAreResolved() {
    ExperimentPlan plan = load("yaml/anchors.yaml");
    assertThat(plan.experiments()).extracting(c -> c.solver().settings()).containsExactly(
        new ToyPlugins.SolverSettings(0.5, 20, null), new ToyPlugins.SolverSettings(0.1, 20, null));
  }

  // ---------------------------------------------------------------------------------------------------
  // one invalid file per rule

  @Test
  void malformedYamlIsReportedWithItsLocation() {
    assertFails("invalid/malformed.yaml", ":3:11: malformed YAML: expected ',' or '}', but got : (while parsing a"
        + " flow mapping at line 2, column 9)");
  }

  @Test
  void anEmptyFileIsAnError() {
    assertFails("invalid/empty.yaml", ":1:1: the file is empty; an experiment needs at least images:, dictionary:"
        + " and solver: (or learning:)");
  }

  @Test
  void aFileThatIsNotAMapIsAnError() {
    assertFails("invalid/not-a-map.yaml", ":1:1: expected a map of top-level keys (name, description, seed,"
        + " precision, fft, threads, images, data, dictionary, learning, solver, encoding, network, training,"
        + " metrics, variants, parts, sweep), got a list");
  }

  @Test
  void aSecondYamlDocumentIsAnError() {
    assertFails("invalid/two-documents.yaml", ":5:1: malformed YAML: a second YAML document ('---') follows the"
        + " first; write one experiment per file");
  }

  @Test
  void aMissingFileIsAnError() {
    Path file = resource("yaml/quick.yaml").resolveSibling("no-such-file.yaml");
    assertThatThrownBy(() -> loader.load(file, List.of()))
        .isInstanceOf(ConfigError.class)
        .hasMessage(file + ": no such file");
  }

  @Test
  void anUnknownAliasIsAnError() {
    assertFails("invalid/unknown-alias.yaml", ":3:9: malformed YAML: unknown alias *defaults (no anchor &defaults"
        + " before it)");
  }

  @Test
  void aMergeKeyMustTakeAMap() {
    assertFails("invalid/bad-merge-key.yaml", ":4:3: solver.<<: a merge key (<<) takes a map or a list of maps,"
        + " e.g. <<: *defaults");
  }

  @Test
  void aDuplicateKeyIsAnError() {
    assertFails("invalid/duplicate-key.yaml", ":6:3: solver.lambda: duplicate key; it is already set at line 5,"
        + " column 3");
  }

  @Test
  void anUnknownKeyInABlockIsNamedWithTheValidKeys() {
    assertFails("invalid/unknown-key.yaml", ":5:3: solver.lamda: unknown key 'lamda'; did you mean 'lambda'?"
        + " Valid keys: lambda, maxIter, autoRho");
  }

  @Test
  void aStringForANumberIsAnError() {
    assertFails("invalid/wrong-type.yaml", ":5:11: solver.lambda: expected a number, got 'small'");
  }

  @Test
  void aFractionForAnIntegerIsAnError() {
    assertFails("invalid/fraction-for-integer.yaml", ":2:40: dictionary.size: expected an integer, got 12.5");
  }

  @Test
  void aValueRejectedByTheSettingsRecordIsLocatedAtTheValue() {
    assertFails("invalid/invalid-value.yaml", ":5:11: solver.lambda: must be > 0 and finite, got -1.0");
  }

  @Test
  void aNestedValueRejectedByItsRecordCarriesTheFullPath() {
    assertFails("invalid/nested-invalid-value.yaml", ":7:13: solver.autoRho.period: must be >= 1, got 0");
  }

  @Test
  void aBlockWithoutTypeIsAnError() {
    assertFails("invalid/missing-type.yaml", ":2:1: dictionary.type: is required (it names the block's plugin);"
        + " available dictionary types: toy-gabor, toy-kernels");
  }

  @Test
  void anUnknownTypeSuggestsTheClosestAndListsTheAvailable() {
    assertFails("invalid/unknown-type.yaml", ":2:21: dictionary.type: unknown dictionary type 'toy-kernls'; did"
        + " you mean 'toy-kernels'? Available: toy-gabor, toy-kernels");
  }

  @Test
  void anUnknownMetricNameIsLocatedAtItsListItem() {
    assertFails("invalid/unknown-metric.yaml", ":6:5: metrics[1].type: unknown metric type 'toy-cont'; did you"
        + " mean 'toy-count'? Available: toy-count, toy-metric");
  }

  @Test
  void aMetricListedTwiceIsAnError() {
    assertFails("invalid/duplicate-metric.yaml", ":4:23: metrics[1]: metric 'toy-metric' is already listed as"
        + " metrics[0]");
  }

  @Test
  void aMissingRequiredBlockIsAnError() {
    assertFails("invalid/missing-block.yaml", ":2:1: dictionary: is required, e.g. dictionary: { type: toy-gabor };"
        + " available dictionary types: toy-gabor, toy-kernels");
  }

  @Test
  void theSolverIsRequiredWithoutLearning() {
    assertFails("invalid/missing-solver.yaml", ":1:1: solver: is required (it may be left out only when a"
        + " learning: block is present), e.g. solver: { type: toy-solver }; available solver types: toy-solver");
  }

  @Test
  void aMissingRequiredSettingIsLocatedAtItsBlock() {
    assertFails("invalid/missing-required-key.yaml", ":3:1: learning.steps: is required");
  }

  @Test
  void aScalarWhereABlockIsExpectedIsAnError() {
    assertFails("invalid/block-not-a-map.yaml", ":3:9: solver: expected a block such as { type: toy-solver },"
        + " got 'toy-solver'");
  }

  // ---------------------------------------------------------------------------------------------------
  // --set

  @Test
  void setReplacesAValueParsedAsYaml() {
    ExperimentConfig c = load("yaml/quick.yaml", "solver.lambda=5e-3").experiments().get(0);
    assertThat(((ToyPlugins.SolverSettings) c.solver().settings()).lambda()).isEqualTo(5e-3);
  }

  @Test
  void setAcceptsAListValue() {
    ExperimentConfig c = load("yaml/quick.yaml", "dictionary.bThetas=[0.1,0.2]").experiments().get(0);
    assertThat(((ToyPlugins.KernelSettings) c.dictionary().settings()).bThetas()).isEqualTo(List.of(0.1, 0.2));
  }

  @Test
  void setReachesIntoNestedBlocks() {
    ExperimentConfig c = load("yaml/quick.yaml", "solver.autoRho.enabled=false").experiments().get(0);
    assertThat(((ToyPlugins.SolverSettings) c.solver().settings()).autoRho()).isEqualTo(
        new ToyPlugins.AutoRho(false, 5));
  }

  @Test
  void setReachesListItemsByIndex() {
    ExperimentConfig c = load("yaml/quick.yaml", "metrics[1].cutoffs=[0.3]").experiments().get(0);
    assertThat(c.metrics().get(1).settings()).isEqualTo(new ToyPlugins.MetricSettings(List.of(0.3)));
  }

  @Test
  void setReachesIntoANestedBlockTheFileLeavesOut() {
    ExperimentConfig c = load("yaml/minimal.yaml", "solver.autoRho.period=4").experiments().get(0);
    assertThat(((ToyPlugins.SolverSettings) c.solver().settings()).autoRho()).isEqualTo(
        new ToyPlugins.AutoRho(true, 4));
  }

  @Test
  void setOfAnUnknownNestedKeyIsReportedAtItsParent() {
    assertSetFails("yaml/minimal.yaml", "solver.autoRo.period=4", "--set solver.autoRo.period=4: solver.autoRo:"
        + " unknown key 'autoRo'; did you mean 'autoRho'? Valid keys: lambda, maxIter, autoRho");
  }

  @Test
  void anUnknownKeyThatIsAPrefixOfAValidOneGetsASuggestion() {
    assertSetFails("yaml/minimal.yaml", "solver.max=4", "--set solver.max=4: unknown key 'max'; did you mean"
        + " 'maxIter'? Valid keys: lambda, maxIter, autoRho");
  }

  @Test
  void setCanAddAWholeBlock() {
    ExperimentConfig c = load("yaml/quick.yaml", "learning={type: toy-learner, steps: 3}").experiments().get(0);
    assertThat(c.learning().settings()).isEqualTo(new ToyPlugins.LearnerSettings(3, null));
  }

  @Test
  void setWithAnEmptyValueIsAnErrorNotTheDefault() {
    assertSetFails("yaml/quick.yaml", "solver.lambda=", "--set solver.lambda=: no value after '='; give one,"
        + " e.g. --set solver.lambda=5e-3 (to keep the file's value or the default, leave the --set out)");
  }

  @Test
  void setToYamlsNullIsAnErrorNotTheDefault() {
    assertSetFails("yaml/quick.yaml", "solver.autoRho.period=~", "--set solver.autoRho.period=~: no value (YAML"
        + " reads '~' as null); give one, e.g. --set solver.autoRho.period=VALUE (to keep the file's value or the"
        + " default, leave the --set out)");
  }

  @Test
  void setWithAnEmptyKeyPathIsAnError() {
    assertSetFails("yaml/quick.yaml", "=0.5", "--set =0.5: the key path before '=' is empty; expected"
        + " key.path=value, e.g. --set solver.lambda=5e-3");
  }

  @Test
  void setCanChangeTheType() {
    ExperimentConfig c = load("yaml/minimal.yaml", "dictionary.type=toy-gabor").experiments().get(0);
    assertThat(c.dictionary().settings()).isEqualTo(new ToyPlugins.GaborSettings(null));
  }

  @Test
  void afterATypeChangeTheBlocksOtherKeysMustSuitTheNewType() {
    Path file = resource("yaml/quick.yaml");
    assertThatThrownBy(() -> loader.load(file, List.of("dictionary.type=toy-gabor")))
        .isInstanceOf(ConfigError.class)
        .hasMessage(file + ":7:3: dictionary.size: unknown key 'size'; valid keys: frequency");
  }

  @Test
  void setAppliesToEveryVariantAndWinsOverIt() {
    ExperimentPlan plan = load("yaml/variants.yaml", "solver.autoRho.period=2", "solver.lambda=0.5");
    assertThat(plan.experiments()).extracting(c -> c.solver().settings()).containsOnly(
        new ToyPlugins.SolverSettings(0.5, 100, new ToyPlugins.AutoRho(false, 2)));
  }

  @Test
  void setOverridesShowInResolved() {
    Map<String, Object> resolved = load("yaml/quick.yaml", "seed=7").experiments().get(0).resolved();
    assertThat(resolved.get("seed")).isEqualTo(7L);
  }

  @Test
  void setOfAnUnknownKeyIsReportedLikeAnUnknownYamlKey() {
    assertSetFails("yaml/quick.yaml", "solver.lamda=1", "--set solver.lamda=1: unknown key 'lamda'; did you mean"
        + " 'lambda'? Valid keys: lambda, maxIter, autoRho");
  }

  @Test
  void setOfAnUnknownTopLevelKeyIsAnError() {
    assertSetFails("yaml/quick.yaml", "solvr.lambda=1", "--set solvr.lambda=1: unknown key 'solvr'; did you mean"
        + " 'solver'? Valid keys: name, description, seed, precision, fft, threads, images, data, dictionary,"
        + " learning, solver, encoding, network, training, metrics");
  }

  @Test
  void setInsideAMissingBlockIsAnError() {
    assertSetFails("yaml/quick.yaml", "learning.steps=3", "--set learning.steps=3: there is no 'learning' block to"
        + " set 'steps' in; add it to the file, or set it whole: --set learning={ type: ..., steps: ... }");
  }

  @Test
  void setInsideABlockOnlySomeVariantsHaveAppliesToThoseThatHaveIt() {
    ExperimentPlan plan = load("yaml/study.yaml", "learning.steps=3");
    assertThat(plan.experiments().get(0).learning()).isNull();
    assertThat(plan.experiments().get(1).learning().settings()).isEqualTo(new ToyPlugins.LearnerSettings(3, null));
    assertThat(plan.parts().get("first").experiments()).allSatisfy(c -> assertThat(c.learning()).isNull());
  }

  @Test
  void setInsideABlockNoExperimentOfAStudyHasIsAnError() {
    assertSetFails("yaml/variants.yaml", "learning.steps=3", "--set learning.steps=3: there is no 'learning' block"
        + " to set 'steps' in; add it to the file, or set it whole: --set learning={ type: ..., steps: ... }");
  }

  @Test
  void setOfAnItemOfAMissingListIsAnError() {
    assertSetFails("yaml/no-metrics.yaml", "metrics[0].cutoffs=[0.1]", "--set metrics[0].cutoffs=[0.1]: there is"
        + " no 'metrics' list; set it whole: --set metrics=[...]");
  }

  @Test
  void setThroughAScalarIsAnError() {
    assertSetFails("yaml/quick.yaml", "seed.x=1", "--set seed.x=1: 'seed' is 42, not a block with keys");
  }

  @Test
  void setOfAnInvalidValueIsReportedAgainstTheSet() {
    assertSetFails("yaml/quick.yaml", "solver.lambda=-1", "--set solver.lambda=-1: must be > 0 and finite, got"
        + " -1.0");
  }

  @Test
  void setOfAnInvalidNestedValueNamesTheKey() {
    assertSetFails("yaml/quick.yaml", "solver.autoRho={period: 0}", "--set solver.autoRho={period: 0}:"
        + " solver.autoRho.period: must be >= 1, got 0");
  }

  @Test
  void setWithoutEqualsIsAnError() {
    assertSetFails("yaml/quick.yaml", "solver.lambda", "--set solver.lambda: expected key.path=value, e.g. --set"
        + " solver.lambda=5e-3");
  }

  @Test
  void setWithMalformedYamlIsAnError() {
    assertSetFails("yaml/quick.yaml", "solver.lambda=[1", "--set solver.lambda=[1: the value is not valid YAML:"
        + " expected ',' or ']', but got <stream end> (while parsing a flow sequence at line 1, column 1)");
  }

  @Test
  void setOfAListItemOutOfRangeIsAnError() {
    assertSetFails("yaml/quick.yaml", "metrics[5].type=x", "--set metrics[5].type=x: 'metrics' has 2 items, so"
        + " metrics[5] does not exist");
  }

  @Test
  void setCannotChangeVariants() {
    assertSetFails("yaml/variants.yaml", "variants.thin={}", "--set variants.thin={}: 'variants' cannot be set"
        + " from the command line (--set applies to every variant)");
  }

  // ---------------------------------------------------------------------------------------------------
  // values that YAML allows

  @Test
  void yamlsNanIsOutOfRangeForTheKeyNotMalformedYaml() throws IOException {
    assertWrittenFails("nan.yaml", "solver: { type: toy-solver, lambda: .nan }\n",
        ":4:37: solver.lambda: must be > 0 and finite, got NaN");
  }

  @Test
  void yamlsInfinityInAnyCaseIsOutOfRange() throws IOException {
    assertWrittenFails("inf.yaml", "solver: { type: toy-solver, lambda: .Inf }\n",
        ":4:37: solver.lambda: must be > 0 and finite, got Infinity");
  }

  @Test
  void aLiteralTooLargeForADoubleIsOutOfRange() throws IOException {
    assertWrittenFails("huge.yaml", "solver: { type: toy-solver, lambda: 1e400 }\n",
        ":4:37: solver.lambda: must be > 0 and finite, got Infinity");
  }

  @Test
  void negativeInfinityInAListIsRefusedAtItsIndex() throws IOException {
    Path file = Files.writeString(tmp.resolve("list.yaml"), """
        images: { type: toy-images }
        dictionary: { type: toy-kernels }
        solver: { type: toy-solver }
        metrics: [{ type: toy-metric, cutoffs: [0.5, -.inf] }]
        """);
    assertThatThrownBy(() -> loader.load(file, List.of()))
        .isInstanceOf(ConfigError.class)
        .hasMessage(file + ":4:46: metrics[0].cutoffs[1]: must be a finite number, got -Infinity");
  }

  @Test
  void setOfYamlsNanIsOutOfRangeNotMalformedYaml() {
    assertSetFails("yaml/quick.yaml", "solver.lambda=.nan", "--set solver.lambda=.nan: must be > 0 and finite,"
        + " got NaN");
  }

  @Test
  void aKeyWithoutValueIsAnErrorAtTheKeyNotTheDefault() throws IOException {
    assertWrittenFails("empty-value.yaml", "solver:\n  type: toy-solver\n  lambda:\n  maxIter: 5\n",
        ":6:3: solver.lambda: no value; write a number, or leave the key out for its default, 0.01");
  }

  @Test
  void aNestedKeyWithoutValueIsAnErrorAtTheKey() throws IOException {
    assertWrittenFails("nested-empty.yaml", "solver: { type: toy-solver, autoRho: { period: } }\n",
        ":4:40: solver.autoRho.period: no value; write an integer, or leave the key out for its default, 10");
  }

  @Test
  void aTypeWithoutValueListsThePlugins() throws IOException {
    assertWrittenFails("no-type.yaml", "solver: { type: , lambda: 0.1 }\n", ":4:11: solver.type: no value; name"
        + " the block's plugin: available solver types: toy-solver");
  }

  @Test
  void anIntegerTooLargeForItsTypeIsReportedWithTheRecordsRange() {
    assertSetFails("yaml/quick.yaml", "solver.maxIter=1e12", "--set solver.maxIter=1e12: expected an integer in"
        + " [-2147483648, 2147483647], got 1.0E12");
  }

  @Test
  void setWithAHugeListIndexIsAnError() {
    assertSetFails("yaml/quick.yaml", "metrics[99999999999].type=x", "--set metrics[99999999999].type=x: the index"
        + " [99999999999] is too large; a list holds a few items, numbered from 0");
  }

  // ---------------------------------------------------------------------------------------------------
  // limits and encodings

  @Test
  void anAliasBombIsStoppedAtTheLineThatExpandsTooFar() throws IOException {
    StringBuilder bomb = new StringBuilder("solver: { type: toy-solver }\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      char p = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [").append(String.join(", ", java.util.Collections.nCopies(10,
          "*" + p))).append("]\n");
    }
    // line 4 is a (10 values), b 100, c 1000, d 10000, e 100000: the first past 100000 values
    assertWrittenFails("bomb.yaml", bomb.toString(), ":9:4: e: this value holds more than 100000 values once its"
        + " aliases (*name) are expanded; an experiment needs far fewer (is this an alias bomb?)");
  }

  @Test
  void tooManyAliasesAreAnError() throws IOException {
    StringBuilder many = new StringBuilder("solver: &s { type: toy-solver }\nx: [");
    for (int i = 0; i < 501; i++) {
      many.append(i == 0 ? "" : ", ").append("*s");
    }
    assertWrittenFails("aliases.yaml", many.append("]\n").toString(), ":5:2005: malformed YAML: more than 500"
        + " aliases (*name) of maps or lists; an experiment needs far fewer (is this an alias bomb?)");
  }

  @Test
  void nestingDeeperThanAnyExperimentIsAnError() throws IOException {
    assertWrittenFails("deep.yaml", "solver: { type: toy-solver }\nx: " + "[".repeat(70) + "]".repeat(70) + "\n",
        ":5:67: malformed YAML: maps and lists nest more than 64 deep; an experiment needs far fewer levels");
  }

  @Test
  void aFileLargerThanAnExperimentIsRefusedBeforeParsing() throws IOException {
    Path file = write("large.yaml", "solver: { type: toy-solver }\n# " + "x".repeat(ConfigLoader.MAX_FILE_BYTES)
        + "\n");
    assertThatThrownBy(() -> loader.load(file, List.of()))
        .isInstanceOf(ConfigError.class)
        .hasMessage(file + ": the file is larger than 1048576 bytes; an experiment file is a few kilobytes of YAML"
            + " (is it the right file?)");
  }

  @Test
  void bytesThatAreNotUtf8AreLocated() throws IOException {
    Path file = tmp.resolve("latin1.yaml");
    Files.write(file, (BASE + "solver: { type: toy-solver }\ndescription: caf\u00e9\n")
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> loader.load(file, List.of()))
        .isInstanceOf(ConfigError.class)
        .hasMessage(file + ":5:17: the file is not UTF-8 text (byte 0xE9); save it as UTF-8");
  }

  @Test
  void aUtf8ByteOrderMarkIsIgnored() throws IOException {
    Path file = tmp.resolve("bom.yaml");
    Files.writeString(file, "\ufeff" + BASE + "solver: { type: toy-solver }\n");
    assertThat(loader.load(file, List.of()).experiments()).hasSize(1);
  }

  @Test
  void aTabInTheIndentationIsLocated() throws IOException {
    assertWrittenFails("tab.yaml", "solver:\n\ttype: toy-solver\n", ":5:1: malformed YAML: found character"
        + " '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation) (while scanning for the"
        + " next token)");
  }

  @Test
  void aDirectoryGivenAsTheFileIsAnError() {
    assertThatThrownBy(() -> loader.load(tmp, List.of()))
        .isInstanceOf(ConfigError.class)
        .hasMessage(tmp + ": is a directory, not an experiment file");
  }

  @Test
  void aMapAliasedWhereAListBelongsIsReportedAtTheAlias() throws IOException {
    Path file = Files.writeString(tmp.resolve("alias-shape.yaml"), """
        images: { type: toy-images }
        dictionary: { type: toy-kernels }
        solver: &s { type: toy-solver }
        metrics: *s
        """);
    assertThatThrownBy(() -> loader.load(file, List.of()))
        .isInstanceOf(ConfigError.class)
        .hasMessage(file + ":4:1: metrics: expected a list of metric names or blocks, e.g. [psnr, sparseness,"
            + " { type: resilience }], got a map");
  }
}
