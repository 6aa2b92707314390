package org.sparsecode.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.experiments.cli.SparsecodeCli;
import org.sparsecode.experiments.config.ConfigError;

/** Nobody gets in: a default Spark run listens on loopback only, and the UI is never opened to every interface. */
class LoopbackTest {

  @Test
  void aDefaultRunListensOnLoopbackOnly() {
    // the environment as a plain "java -cp ..." has it: no SPARK_LOCAL_IP
    JavaSparkContext spark = new JavaSparkContext(new SparkEngine(name -> null).conf("local[2]", Map.of()));
    List<String> listening;
    try {
      spark.parallelize(List.of(1, 2), 2).map(x -> x + 1).collect();
      listening = ListeningSockets.addresses("self");
    } finally {
      spark.stop();
    }
    // the driver's RPC and block manager listen: the test sees them, and only on 127.0.0.1
    assertThat(listening).isNotEmpty().allSatisfy(a -> assertThat(a).isIn("127.0.0.1", "::1"));
  }

  @Test
  void theUiIsRefusedWhenItWouldListenOnEveryInterface() {
    assertThatThrownBy(() -> new SparkEngine(name -> null).conf("local[2]", Map.of("spark.ui.enabled", "true")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("Spark's UI would listen on every network interface (0.0.0.0); set"
            + " SPARK_LOCAL_IP=127.0.0.1");
  }

  @Test
  void aClusterMasterIsNotBoundToLoopbackButALocalOneIs() {
    SparkEngine e = new SparkEngine(name -> null);
    assertThat(e.conf("local[2]", Map.of()).get("spark.driver.bindAddress")).isEqualTo("127.0.0.1");
    assertThat(e.conf("spark://127.0.0.1:7077", Map.of()).get("spark.driver.host")).isEqualTo("127.0.0.1");
    assertThat(e.conf("spark://10.0.0.5:7077", Map.of()).contains("spark.driver.bindAddress")).isFalse();
    assertThat(e.conf("local[2]", Map.of()).get("spark.master.rest.enabled")).isEqualTo("false");
  }

  @Test
  void withSparkLocalIpOnLoopbackTheUiIsServedThereAndNothingListensElsewhere(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("ui.yaml"), """
        name: ui
        images: {type: embedded, size: 48, names: [camera, coffee]}
        dictionary: {type: log-gabor, preset: thin, size: 8}
        solver: {type: fista, lambda: 1.0e-2, maxIterations: 60, relStopTol: 0}
        metrics: [psnr]
        sweep:
          solver.lambda: [1.0e-2, 2.0e-2, 4.0e-2]
        """);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1"));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty"))
        .forEach(command::add);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), SparsecodeCli.class.getName(), "run",
        file.toString(), "-o", tmp.resolve("out").toString(), "--engine", "spark", "--master", "local[2]"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("ui.log").toFile());
    // what the launcher sets for a master on this machine
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process child = builder.start();
    Set<String> seen = new TreeSet<>();
    try {
      while (!child.waitFor(50, TimeUnit.MILLISECONDS)) {
        seen.addAll(ListeningSockets.addresses(Long.toString(child.pid())));
      }
    } finally {
      child.destroyForcibly();
    }
    String log = Files.readString(tmp.resolve("ui.log"));
    assertThat(child.exitValue()).as(log).isZero();
    assertThat(log).containsPattern("UI http://127\\.0\\.0\\.1:\\d+");
    assertThat(seen).as(log).isNotEmpty().allSatisfy(a -> assertThat(a).isIn("127.0.0.1", "::1"));
  }
}
