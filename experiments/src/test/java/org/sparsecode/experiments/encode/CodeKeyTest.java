package org.sparsecode.experiments.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.core.data.CodeArrays;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.experiments.config.ConfigLoader;
import org.sparsecode.experiments.run.ProgressReporter;

/**
 * The codes' key follows what changes the files and nothing else, and a key's directory has one writer at a time.
 */
class CodeKeyTest {
  @TempDir
  Path tmp;
  private Path file;

  @BeforeEach
  void data() {
    file = TinyData.write(tmp);
  }

  private String key(String... sets) {
    var config = new ConfigLoader(PluginRegistry.load()).load(file, List.of(sets)).experiments().get(0);
    return new Encoder(config, 1, ProgressReporter.NONE).preflight().sha256();
  }

  @Test
  void theNameTheTopLevelSeedTheThreadsAndTheCacheLeaveTheKeyAsItIs() {
    String key = key();
    assertThat(key("name=other", "seed=99", "threads=1", "encoding.cache=elsewhere")).isEqualTo(key);
  }

  @Test
  void theDataTheDictionaryTheSolverThePrecisionAndTheStoredFormChangeIt() {
    String key = key();
    for (String set : List.of("data.seed=1", "data.train=12", "data.size=42", "data.preprocess=[grey, lcn]",
        "dictionary.preset=full", "solver.lambda=0.02", "precision=float64", "encoding.store.dtype=float32",
        "encoding.store.size=7", "encoding.shard=4")) {
      assertThat(key(set)).as(set).isNotEqualTo(key);
    }
  }

  @Test
  void aSecondWriterOfTheSameKeyIsRefusedWhileTheFirstHoldsIt() {
    var config = new ConfigLoader(PluginRegistry.load()).load(file, List.of()).experiments().get(0);
    Encoder e = new Encoder(config, 1, ProgressReporter.NONE);
    CodeKey key = e.preflight();
    Layout layout = e.layout();
    try (CodeStore first = CodeStore.open(tmp.resolve("cache"), key, layout, List.of("a"))) {
      assertThatThrownBy(() -> CodeStore.open(tmp.resolve("cache"), key, layout, List.of("a")))
          .isInstanceOf(SparsecodeException.class)
          .hasMessage("another run is encoding into " + first.root() + " (it holds .lock): wait for it to finish,"
              + " then run again to reuse its codes");
    }
    CodeStore.open(tmp.resolve("cache"), key, layout, List.of("a")).close();
    assertThat(layout.dtype()).isEqualTo(CodeArrays.Dtype.FLOAT16);
  }
}
