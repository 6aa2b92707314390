package org.sparsecode.experiments.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.experiments.cli.SparsecodeCli;

/**
 * The bad-input corpus: one experiment file per case under {@code corpus/} in the test resources, one test
 * each. A case's header comments say how to run it and what the user must see:
 *
 * <pre>
 * # case: what is wrong, in a few words
 * # args: run {file} --output {out} --set solver.lambda=     (default: run {file} --output {out})
 * # exit: 2                                                  (the exit status)
 * # expect: lambda-empty.yaml:5:                             (repeatable: each must appear in stderr)
 * # validate: 2                                              (optional: validate {file} exits so too)
 * </pre>
 *
 * <p>Placeholders: {@code {file}} the case file, {@code {dir}} the corpus directory, {@code {out}} a fresh
 * directory path (not created), {@code {tmpfile}} an existing regular file. Every case must fail cleanly: a
 * non-zero exit, no Java stack trace, no "unexpected" error, and nothing written outside {@code {out}}.
 */
class BadInputCorpusTest {
  @TempDir
  Path tmp;

  /** A case as its header describes it. */
  record Case(Path file, String description, List<String> args, int exit, List<String> expect,
      Integer validateExit) {

    static Case parse(Path file) {
      String description = file.getFileName().toString();
      String args = "run {file} --output {out}";
      Integer exit = null;
      Integer validate = null;
      List<String> expect = new ArrayList<>();
      List<String> lines;
      try {
        lines = Files.readAllLines(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (String line : lines) {
        if (!line.startsWith("# ")) {
          continue;
        }
        String text = line.substring(2);
        int colon = text.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String key = text.substring(0, colon).trim();
        String value = text.substring(colon + 1).trim();
        switch (key) {
          case "case" -> description = value;
          case "args" -> args = value;
          case "exit" -> exit = Integer.parseInt(value);
          case "expect" -> expect.add(value);
          case "validate" -> validate = Integer.parseInt(value);
          default -> { }
        }
      }
      if (exit == null || expect.isEmpty()) {
        throw new IllegalStateException(file + ": a corpus case needs '# exit:' and at least one '# expect:'");
      }
      return new Case(file, description, List.of(args.split("\\s+")), exit, expect, validate);
    }
  }

  private record Outcome(int status, String out, String err) { }

  static Path corpus() {
    try {
      return Path.of(BadInputCorpusTest.class.getResource("/corpus").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Case> cases() throws IOException {
    try (Stream<Path> files = Files.list(corpus())) {
      return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().map(Case::parse).toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyBadInputFailsCleanlyWithTheExpectedMessage() throws IOException {
    return cases().stream().map(c -> DynamicTest.dynamicTest(
        c.file().getFileName() + ": " + c.description(), c.file().toUri(), () -> check(c)));
  }

  @org.junit.jupiter.api.Test
  void theCorpusHoldsAtLeastSixtyCases() throws IOException {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(60);
  }

  private void check(Case c) throws IOException {
    Path work = Files.createTempDirectory(tmp, "case");
    Path out = work.resolve("out");
    Path tmpfile = Files.writeString(work.resolve("a-file.txt"), "not a directory\n");
    List<String> args = c.args().stream().map(a -> a.replace("{file}", c.file().toString())
        .replace("{dir}", corpus().toString()).replace("{out}", out.toString())
        .replace("{tmpfile}", tmpfile.toString())).toList();
    Outcome o = cli(args);
    assertThat(o.status()).as("exit status of %s; stderr:%n%s", args, o.err()).isEqualTo(c.exit());
    assertClean(o);
    for (String e : c.expect()) {
      assertThat(o.err()).as("stderr of %s", args).contains(e);
    }
    if (c.validateExit() != null) {
      List<String> validate = new ArrayList<>();
      validate.add("validate");
      for (int i = 1; i < args.size(); i++) {
        if (args.get(i).equals("--output") || args.get(i).equals("-o")) {
          i++;
        } else if (!args.get(i).equals("--force")) {
          validate.add(args.get(i));
        }
      }
      Outcome v = cli(validate);
      assertThat(v.status()).as("exit status of %s; stderr:%n%s", validate, v.err()).isEqualTo(c.validateExit());
      assertClean(v);
    }
  }

  private static void assertClean(Outcome o) {
    assertThat(o.status()).as("a bad input never exits 0").isNotZero();
    assertThat(o.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception:")
        .doesNotContain("OutOfMemoryError").doesNotContain("error: unexpected");
  }

  private static Outcome cli(List<String> args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int status = SparsecodeCli.execute(args.toArray(String[]::new), new PrintWriter(o), new PrintWriter(e));
    return new Outcome(status, o.toString(), e.toString());
  }
}
