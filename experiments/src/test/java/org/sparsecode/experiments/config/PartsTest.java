package org.sparsecode.experiments.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parts resolution: {@code parts:} in short and long form, their {@code set:} items reported at the item, cycles. */
class PartsTest extends LoaderTestBase {
  @Test
  void aPartIsLoadedFromItsFileWithTheSameSets() {
    ExperimentPlan plan = load("yaml/study.yaml", "solver.lambda=0.5");
    assertThat(plan.parts()).containsOnlyKeys("first");
    ExperimentPlan part = plan.parts().get("first");
    assertThat(part.name()).isEqualTo("study-part");
    assertThat(part.file()).isEqualTo(resource("yaml/study-part.yaml"));
    assertThat(part.experiments()).extracting(ExperimentConfig::variant).containsExactly("a", "b");
    assertThat(part.experiments()).allSatisfy(c -> assertThat(c.solver().settings())
        .isEqualTo(new ToyPlugins.SolverSettings(0.5, null, null)));
  }

  @Test
  void aPartsOwnSetsApplyBeforeTheCommandLines() {
    ExperimentPlan part = load("yaml/study-set.yaml", "images.size=20").parts().get("first");
    assertThat(part.experiments()).allSatisfy(c -> {
      assertThat(c.solver().settings()).isEqualTo(new ToyPlugins.SolverSettings(0.25, null, null));
      assertThat(c.images().settings()).isEqualTo(new ToyPlugins.ImagesSettings(20, null));
    });
  }

  @Test
  void aPartThatIncludesItsOwnFileIsAnError() {
    assertFails("yaml/study-cycle.yaml", ":6:10: parts.again: includes study-cycle.yaml, which includes this file:"
        + " parts may not form a cycle");
  }

  @Test
  void aPartNamedLikeAVariantIsAnError() {
    assertFails("yaml/study-clash.yaml", ":6:3: parts.thin: 'thin' is also a variant; both would write thin/");
  }

  @Test
  void aBadKeyInAPartsSetIsReportedAtTheSetItemOfTheIncludingFile() {
    Path file = resource("yaml/study-set-bad.yaml");
    assertThatThrownBy(() -> loader.load(file, List.of()))
        .isInstanceOf(ConfigError.class)
        .hasMessage(file + ":7:59: parts.first.set[1]: solver.lamda=0.25: unknown key 'lamda'; did you mean"
            + " 'lambda'? Valid keys: lambda, maxIter, autoRho");
  }

  @Test
  void aPartsSetItemWithoutEqualsIsReportedAtTheItem() throws IOException {
    Files.copy(resource("yaml/study-part.yaml"), tmp.resolve("study-part.yaml"));
    assertWrittenFails("set-no-eq.yaml", "solver: { type: toy-solver }\nparts:\n  p: { file: study-part.yaml,"
        + " set: [solver.lambda] }\n", ":6:37: parts.p.set[0]: solver.lambda: expected key.path=value, e.g."
        + " solver.lambda=5e-3");
  }

  @Test
  void aPartsSetIntoABlockThePartLacksIsReportedAtTheItem() throws IOException {
    Files.copy(resource("yaml/study-part.yaml"), tmp.resolve("study-part.yaml"));
    assertWrittenFails("set-no-block.yaml", "solver: { type: toy-solver }\nparts:\n  p: { file: study-part.yaml,"
        + " set: [learning.steps=3] }\n", ":6:37: parts.p.set[0]: learning.steps=3: there is no 'learning' block"
        + " to set 'steps' in; add it to the file, or set it whole: learning={ type: ..., steps: ... }");
  }

  @Test
  void aPartThatIsADirectoryIsAnError() throws IOException {
    Files.createDirectories(tmp.resolve("sub"));
    assertWrittenFails("part-dir.yaml", "solver: { type: toy-solver }\nparts: { p: sub }\n", ":5:13: parts.p: "
        + tmp.resolve("sub") + " is a directory; name an experiment file (.yaml) in it");
  }

  @Test
  void aPartThatIsMissingIsAnError() throws IOException {
    assertWrittenFails("part-missing.yaml", "solver: { type: toy-solver }\nparts: { p: nope.yaml }\n",
        ":5:13: parts.p: no such experiment file: " + tmp.resolve("nope.yaml"));
  }

  @Test
  void aLongFormPartWithoutFileIsAnError() throws IOException {
    assertWrittenFails("part-no-file.yaml", "solver: { type: toy-solver }\nparts: { p: { set: [seed=1] } }\n",
        ":5:10: parts.p.file: is required: the part's experiment file, relative to this file");
  }
}
