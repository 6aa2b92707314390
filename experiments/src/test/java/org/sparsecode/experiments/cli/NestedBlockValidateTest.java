package org.sparsecode.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sparsecode validate} on a mistake inside a learner's {@code learning.solver} block: exit 2 and the
 * located message, for every learner that takes a solver block, the mistake written in the file or set by
 * {@code --set}, without creating the learner (the message would then have no line and column).
 */
class NestedBlockValidateTest {
  private static final List<String> LEARNERS = List.of("online-cdl", "hebbian", "parametric-log-gabor");

  @TempDir
  Path tmp;

  /** An experiment whose learner's solver block holds {@code type} and then {@code key}, each on its line. */
  private Path file(String learner, String type, String key) throws IOException {
    return Files.writeString(tmp.resolve(learner + ".yaml"), """
        name: nest
        images: {type: embedded, size: 32, names: [camera]}
        dictionary: {type: log-gabor, preset: thin, size: 8}
        learning:
          type: %s
          steps: 2
          solver:
            type: %s
            %s
        """.formatted(learner, type, key));
  }

  @TestFactory
  Stream<DynamicTest> aMistakeInTheSolverBlockFailsValidateWithTwoAndItsLocation() {
    Map<String, String> mistakes = new LinkedHashMap<>();
    mistakes.put("maxIteration: 5", ":9:5: learning.solver.maxIteration: unknown key 'maxIteration'");
    mistakes.put("maxIterations: -3", ":9:20: learning.solver.maxIterations: must be >= 1, got -3");
    mistakes.put("type: fsta", ":8:11: learning.solver.type: unknown solver type 'fsta'; did you mean 'fista'?");
    List<DynamicTest> tests = new ArrayList<>();
    for (String learner : LEARNERS) {
      mistakes.forEach((key, message) -> tests.add(DynamicTest.dynamicTest(learner + ": " + key, () -> {
        boolean type = key.startsWith("type");
        Path file = file(learner, type ? "fsta" : "fista", type ? "maxIterations: 5" : key);
        CliRun run = CliRun.of("validate", file.toString());
        assertThat(run.status()).isEqualTo(SparsecodeCli.CONFIG_ERROR);
        assertThat(run.err()).startsWith("error: " + file + message);
        assertThat(run.out()).doesNotContain("OK");
      })));
    }
    return tests.stream();
  }

  @Test
  void aMisspeltKeySetIntoTheSolverBlockFailsValidateWithTwo() throws IOException {
    for (String learner : LEARNERS) {
      CliRun run = CliRun.of("validate", file(learner, "fista", "maxIterations: 5").toString(), "--set",
          "learning.solver.maxIteration=5");
      assertThat(run.status()).as(learner).isEqualTo(SparsecodeCli.CONFIG_ERROR);
      assertThat(run.err()).as(learner).startsWith("error: --set learning.solver.maxIteration=5: unknown key"
          + " 'maxIteration'; did you mean 'maxIterations'?");
    }
  }
}
