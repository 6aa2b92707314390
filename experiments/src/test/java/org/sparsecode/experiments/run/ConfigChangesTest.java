package org.sparsecode.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigChangesTest {
  @TempDir
  Path tmp;

  @Test
  void equalConfigurationsHaveNoDifferencesWhateverTheNumberSpelling() {
    Map<String, Object> a = Map.of("solver", Map.of("type", "fista", "lambda", 0.01), "seed", 3);
    Map<String, Object> b = Map.of("seed", 3L, "solver", Map.of("lambda", 1.0e-2, "type", "fista"));
    assertThat(ConfigChanges.between(a, b)).isEmpty();
  }

  @Test
  void aChangedNestedValueIsNamedByItsKeyPathWithBothValues() {
    Map<String, Object> a = Map.of("solver", Map.of("type", "fista", "lambda", 0.01));
    Map<String, Object> b = Map.of("solver", Map.of("type", "fista", "lambda", 0.005));
    assertThat(ConfigChanges.between(a, b)).containsExactly("solver.lambda: 0.01 there, 0.005 here");
  }

  @Test
  void anAddedKeyAndAChangedListAreBothReported() {
    Map<String, Object> a = Map.of("dictionary", Map.of("bThetas", List.of(0.1, 0.2)));
    Map<String, Object> b = Map.of("dictionary", Map.of("bThetas", List.of(0.1), "phases", 2));
    assertThat(ConfigChanges.between(a, b)).containsExactlyInAnyOrder(
        "dictionary.bThetas: [0.1,0.2] there, [0.1] here", "dictionary.phases: absent there, 2 here");
  }

  @Test
  void theRecordedConfigurationIsReadFromConfigYamlPastItsCommentHeader() throws IOException {
    Path f = Files.writeString(tmp.resolve("config.yaml"), "# resolved\n# configSha256: x\nsolver:\n  lambda: 0.01\n");
    assertThat(ConfigChanges.between(ConfigChanges.recorded(f), Map.of("solver", Map.of("lambda", 0.02))))
        .containsExactly("solver.lambda: 0.01 there, 0.02 here");
  }

  @Test
  void aMissingOrCorruptConfigYamlGivesNothingToCompare() throws IOException {
    assertThat(ConfigChanges.recorded(tmp.resolve("none.yaml"))).isNull();
    assertThat(ConfigChanges.recorded(Files.writeString(tmp.resolve("bad.yaml"), "a: [\n"))).isNull();
  }
}
