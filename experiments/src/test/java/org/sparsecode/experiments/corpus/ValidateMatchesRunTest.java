package org.sparsecode.experiments.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.experiments.cli.SparsecodeCli;

/**
 * {@code validate} and {@code run} load a file alike (both through the same loader): for every loader case
 * of the corpus (files named {@code yaml-}, {@code set-}, {@code parts-}, {@code variant-}), the two commands
 * print the same error, word for word, with the same exit status.
 */
class ValidateMatchesRunTest {
  private static final List<String> PREFIXES = List.of("yaml-", "set-", "parts-", "variant-");

  @TempDir
  Path tmp;

  @TestFactory
  Stream<DynamicTest> validateAndRunReportTheSameErrorForEveryLoaderCase() throws IOException {
    return BadInputCorpusTest.cases().stream()
        .filter(c -> PREFIXES.stream().anyMatch(p -> c.file().getFileName().toString().startsWith(p)))
        .map(c -> DynamicTest.dynamicTest(c.file().getFileName().toString(), () -> check(c)));
  }

  private void check(BadInputCorpusTest.Case c) {
    Path out = tmp.resolve(c.file().getFileName().toString());
    List<String> run = c.args().stream().map(a -> a.replace("{file}", c.file().toString())
        .replace("{dir}", BadInputCorpusTest.corpus().toString()).replace("{out}", out.toString())).toList();
    List<String> validate = new ArrayList<>();
    validate.add("validate");
    for (int i = 1; i < run.size(); i++) {
      if (run.get(i).equals("--output") || run.get(i).equals("-o")) {
        i++;
      } else {
        validate.add(run.get(i));
      }
    }
    String[] ran = cli(run);
    String[] validated = cli(validate);
    assertThat(validated[0]).as("exit status of validate and of run").isEqualTo(ran[0]);
    assertThat(validated[1]).as("the error of validate and of run").isEqualTo(ran[1]);
    assertThat(out).as("run wrote nothing for a file that does not load").doesNotExist();
  }

  /** The exit status and stderr's first line. */
  private static String[] cli(List<String> args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int status = SparsecodeCli.execute(args.toArray(String[]::new), new PrintWriter(o), new PrintWriter(e));
    return new String[] {String.valueOf(status), e.toString().lines().findFirst().orElse("")};
  }
}
