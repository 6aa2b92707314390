package org.sparsecode.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
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
}
