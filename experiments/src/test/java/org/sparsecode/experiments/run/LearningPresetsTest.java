package org.sparsecode.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparsecode.experiments.cli.SparsecodeCli;

/** The learning presets of {@code experiments/paper/} are valid experiment files with an online-cdl block. */
class LearningPresetsTest {

  @ParameterizedTest
  @ValueSource(strings = {"learn-thin", "learn-full", "learn-scratch", "learn-thin-paper", "learn-full-paper",
      "learn-scratch-paper"})
  void presetValidates(String name) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = SparsecodeCli.execute(new String[] {"validate", "paper/" + name + ".yaml"}, new PrintWriter(out),
        new PrintWriter(err));
    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("learning online-cdl").contains("float64");
  }
}
