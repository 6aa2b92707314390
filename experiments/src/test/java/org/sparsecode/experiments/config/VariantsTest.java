package org.sparsecode.experiments.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Variant expansion: the merge of {@code variants:} onto the base, through the loader, and the merge rule
 * and the report of failures on their own.
 */
class VariantsTest extends LoaderTestBase {
  @Test
  void eachVariantIsOneExperimentInFileOrder() {
    ExperimentPlan plan = load("yaml/variants.yaml");
    assertThat(plan.hasVariants()).isTrue();
    assertThat(plan.experiments()).extracting(ExperimentConfig::variant).containsExactly("thin", "full", "gabor");
    assertThat(plan.experiments()).extracting(ExperimentConfig::name).containsOnly("thin-vs-full");
  }

  @Test
  void anEmptyVariantIsTheBase() {
    ExperimentConfig thin = load("yaml/variants.yaml").experiments().get(0);
    assertThat(thin.dictionary().settings()).isEqualTo(new ToyPlugins.KernelSettings("thin", 9, null, null));
  }

  @Test
  void variantMapsMergeKeyByKeyIntoTheBase() {
    ExperimentConfig full = load("yaml/variants.yaml").experiments().get(1);
    // preset comes from the variant, size from the base; thetas is the full preset's default
    assertThat(full.dictionary().settings()).isEqualTo(new ToyPlugins.KernelSettings("full", 9, 24, null));
    // autoRho.period from the variant, autoRho.enabled from the base
    assertThat(full.solver().settings()).isEqualTo(new ToyPlugins.SolverSettings(0.01, 100,
        new ToyPlugins.AutoRho(false, 7)));
  }

  @Test
  void aVariantThatChangesTypeReplacesTheWholeBlock() {
    ExperimentConfig gabor = load("yaml/variants.yaml").experiments().get(2);
    assertThat(gabor.dictionary().type()).isEqualTo("toy-gabor");
    assertThat(gabor.dictionary().settings()).isEqualTo(new ToyPlugins.GaborSettings(0.1));
  }

  @Test
  void anInvalidVariantFailsTheLoadNamingTheVariantPath() {
    assertFails("invalid/bad-variant.yaml", ":8:27: variants.full.dictionary.preset: must be thin or full, got"
        + " 'fll'");
  }

  @Test
  void aVariantNameMustBeADirectoryName() {
    assertFails("invalid/bad-variant-name.yaml", ":6:3: variants.thin/1: a variant name may hold only letters,"
        + " digits, '_', '.' and '-' (it names the variant's output directory), got 'thin/1'");
  }

  @Test
  void anUnknownKeyInAVariantIsNamed() {
    assertFails("invalid/variant-unknown-key.yaml", ":7:5: variants.thin.dictonary: unknown key 'dictonary';"
        + " did you mean 'dictionary'? Valid keys: description, seed, precision, threads, images, data, dictionary,"
        + " learning, solver, encoding, network, training, metrics");
  }

  @Test
  void setThatFailsInEveryVariantIsReportedOnce() {
    assertSetFails("yaml/variants.yaml", "solver.lambda=-1", "--set solver.lambda=-1: must be > 0 and finite, got"
        + " -1.0");
  }

  @Test
  void setThatFailsInOneVariantNamesIt() {
    assertSetFails("yaml/variants.yaml", "dictionary.preset=thin", "--set dictionary.preset=thin: unknown key"
        + " 'preset'; valid keys: frequency (in variant 'gabor')");
  }

  @Test
  void aVariantThatEmptiesARequiredBlockIsAnError() throws IOException {
    assertWrittenFails("variant-null.yaml", "solver: { type: toy-solver }\nvariants:\n  a: {}\n  b: { solver: ~ }\n",
        ":7:8: variants.b.solver: no value; write a block such as solver: { type: ... }, or remove the key");
  }

  @Test
  void anEmptyVariantsMapIsAnError() throws IOException {
    assertWrittenFails("variants-empty.yaml", "solver: { type: toy-solver }\nvariants: {}\n", ":5:1: variants: is"
        + " empty; list at least one variant, e.g. variants: { thin: { dictionary: { preset: thin } } }, or remove"
        + " the key");
  }

  // ---------------------------------------------------------------------------------------------------
  // the merge rule and the report of failures, on their own

  private static Node tree(String yaml) throws YamlTrees.SyntaxError {
    return YamlTrees.parse(yaml, "", null);
  }

  @Test
  void mergeCombinesMapsKeyByKeyAndReplacesListsAndScalars() throws YamlTrees.SyntaxError {
    Node merged = Variants.merge(tree("solver: {type: s, lambda: 1, maxIter: 5}\nmetrics: [a, b]"),
        tree("solver: {lambda: 2}\nmetrics: [c]"));
    assertThat(merged.plain()).isEqualTo(Map.of("solver", Map.of("type", "s", "lambda", 2, "maxIter", 5),
        "metrics", List.of("c")));
  }

  @Test
  void mergeReplacesABlockWhoseTypeDiffers() throws YamlTrees.SyntaxError {
    Node merged = Variants.merge(tree("solver: {type: s, lambda: 1}"), tree("solver: {type: t, rho: 3}"));
    assertThat(merged.plain()).isEqualTo(Map.of("solver", Map.of("type", "t", "rho", 3)));
  }

  @Test
  void mergeKeepsWhereEachValueWasWritten() throws YamlTrees.SyntaxError {
    Node variants = tree("variants:\n  v:\n    solver: {lambda: 2}\n").get("variants");
    Node merged = Variants.merge(tree("solver: {type: s, lambda: 1}"), variants.get("v"));
    assertThat(merged.get("solver").get("lambda").source()).isEqualTo("variants.v.solver.lambda");
    assertThat(merged.get("solver").get("type").source()).isEqualTo("solver.type");
  }

  private static Map<String, ConfigError> failures(String... nameAndMessage) {
    Map<String, ConfigError> out = new LinkedHashMap<>();
    for (int i = 0; i < nameAndMessage.length; i += 2) {
      out.put(nameAndMessage[i], new ConfigError(nameAndMessage[i + 1]));
    }
    return out;
  }

  @Test
  void aFailureEveryVariantSharesIsReportedOnceWithoutTheVariant() {
    assertThat(Variants.firstFailure(failures("a", "f:1:1: x: bad (in variant 'a')", "b",
        "f:1:1: x: bad (in variant 'b')"), 2)).hasMessage("f:1:1: x: bad");
  }

  @Test
  void aFailureOfSomeVariantsNamesTheFirst() {
    assertThat(Variants.firstFailure(failures("b", "f:1:1: x: bad (in variant 'b')"), 2))
        .hasMessage("f:1:1: x: bad (in variant 'b')");
  }

  @Test
  void differentFailuresInEveryVariantReportTheFirstAsItIs() {
    assertThat(Variants.firstFailure(failures("a", "f:1:1: x: bad (in variant 'a')", "b",
        "f:2:1: y: worse (in variant 'b')"), 2)).hasMessage("f:1:1: x: bad (in variant 'a')");
  }
}
