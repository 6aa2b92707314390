package org.sparsecode.experiments.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.experiments.cli.SparsecodeCli;

/**
 * The files built from results.json (reports, comparison tables, summary) of a tiny two-variant run equal the
 * golden copies under {@code src/test/resources/golden-outputs/}, once what differs from run to run (timings,
 * timestamps, provenance, embedded plots) is masked. Set the system property {@code golden.write} to a
 * directory to write fresh copies there.
 */
class GoldenOutputsTest {
  static final String YAML = """
      name: golden
      seed: 3
      fft: jtransforms
      images: {type: engine-test-images, count: 3, size: 8}
      dictionary: {type: engine-test-kernels}
      solver: {type: engine-test-solver, lambda: 0.1}
      learning: {type: engine-test-learner, steps: 3}
      metrics: [psnr, sparseness, l0, {type: resilience, cutoffs: [0, 0.05, 0.5]}]
      variants:
        small: {solver: {lambda: 0.1}}
        large: {solver: {lambda: 0.5}}
      """;

  /** The files compared, relative to the output directory. */
  static final List<String> FILES = List.of("report.html", "comparison.json", "comparison.md", "comparison.csv",
      "summary.json", "small/report.html", "large/report.html");

  /**
   * What differs from run to run, or from machine to machine: the embedded PNGs, instants, every solve time
   * (per image, their summaries, the stages), and the software and machine of the provenance.
   */
  private static final List<String[]> MASKS = List.of(
      new String[] {"data:image/png;base64,[A-Za-z0-9+/=]+", "data:image/png;base64,#"},
      new String[] {"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "#instant"},
      new String[] {"Written by sparsecode \\S+ on", "Written by sparsecode # on"},
      // the seconds cell of a per-image row, the last cell of a scenario row, the rows of timings
      new String[] {"(<tr><td>img\\d+</td>(<td class=\"n\">[^<]*</td>){4})<td class=\"n\">[^<]*</td>",
          "$1<td class=\"n\">#</td>"},
      new String[] {"(<tr><td>(small|large)</td><td>engine-test-kernels.*)<td class=\"n\">[^<]*</td></tr>",
          "$1<td class=\"n\">#</td></tr>"},
      new String[] {"<tr><td>(seconds \\(solve\\)|dictionary|learning|refit|coding)</td>.*</tr>",
          "<tr><td>$1</td>#</tr>"},
      new String[] {"(<th scope=\"row\">(seconds/image \\(mean\\)|sparsecode version|gitCommit|java|os|arch)</th>)"
          + "<td>[^<]*</td>", "$1<td>#</td>"},
      // the seconds column of comparison.csv and comparison.md, the seconds summary of summary.json
      new String[] {"(?m)^((small|large),.*),[^,]*$", "$1,#"},
      new String[] {"(?m)^(\\| (small|large) .*\\|) [^|]* \\|$", "$1 # |"},
      new String[] {"\"seconds\" : \\{[^}]*\\}", "\"seconds\" : #"});

  @TempDir
  Path tmp;

  @Test
  void reportsAndComparisonsOfATwoVariantRunEqualTheGoldenCopies() throws IOException {
    Path file = Files.writeString(tmp.resolve("golden.yaml"), YAML);
    Path dir = tmp.resolve("out");
    int status = SparsecodeCli.execute(new String[] {"run", file.toString(), "-o", dir.toString(), "--threads", "1"},
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    assertThat(status).isZero();
    String write = System.getProperty("golden.write");
    for (String name : FILES) {
      String actual = mask(Files.readString(dir.resolve(name), StandardCharsets.UTF_8));
      if (write != null) {
        Path target = Path.of(write).resolve(name);
        Files.createDirectories(target.getParent());
        Files.writeString(target, actual);
        continue;
      }
      try (InputStream in = GoldenOutputsTest.class.getResourceAsStream("/golden-outputs/" + name)) {
        assertThat(in).as("golden copy of " + name).isNotNull();
        assertThat(actual).as(name).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
  }

  static String mask(String text) {
    String s = text;
    if (System.getProperty("golden.raw") != null) {
      return s;
    }
    for (String[] m : MASKS) {
      s = Pattern.compile(m[0]).matcher(s).replaceAll(m[1]);
    }
    return s;
  }
}
