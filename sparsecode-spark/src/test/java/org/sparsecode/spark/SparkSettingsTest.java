package org.sparsecode.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparsecode.experiments.config.ConfigError;

/** The Spark configuration of a run: masters, task cores, settings. */
class SparkSettingsTest {

  @Test
  void embeddedMastersGiveTheirCoresAndClusterMastersNone() {
    assertThat(SparkSettings.localCores("local")).isEqualTo(1);
    assertThat(SparkSettings.localCores("local[3]")).isEqualTo(3);
    assertThat(SparkSettings.localCores("local[3,4]")).isEqualTo(3);
    assertThat(SparkSettings.localCores("local[*]")).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(SparkSettings.localCores("spark://127.0.0.1:7077")).isEqualTo(-1);
    assertThat(SparkSettings.defaultMaster()).isEqualTo("local[" + Runtime.getRuntime().availableProcessors() + "]");
  }

  @Test
  void eachTaskTakesItsThreadsAsCores() {
    assertThat(SparkSettings.conf("local[4]", "a", 2, Map.of(), n -> null).get("spark.task.cpus")).isEqualTo("2");
  }

  @Test
  void moreThreadsPerTaskThanTheEmbeddedMasterHasAreRefused() {
    assertThatThrownBy(() -> SparkSettings.conf("local[1]", "a", 2, Map.of(), n -> null))
        .isInstanceOf(ConfigError.class)
        .hasMessage("--threads 2: each task takes 2 cores and local[1] has 1; give --master local[2] or more, or"
            + " fewer --threads");
  }

  @Test
  void settingsComeLastAndMustBeSparks() {
    assertThat(SparkSettings.conf("local[2]", "a", 1, Map.of("spark.driver.bindAddress", "10.1.2.3"), n -> null)
        .get("spark.driver.bindAddress")).isEqualTo("10.1.2.3");
    assertThatThrownBy(() -> SparkSettings.conf("local[2]", "a", 1, Map.of("foo", "bar"), n -> null))
        .isInstanceOf(ConfigError.class).hasMessageStartingWith("--conf foo=bar: Spark settings start with spark.");
  }

  @Test
  void theUiIsAllowedWhenSparkLocalIpSaysWhereToListen() {
    assertThat(SparkSettings.conf("local[2]", "a", 1, Map.of("spark.ui.enabled", "true"),
        n -> "SPARK_LOCAL_IP".equals(n) ? "127.0.0.1" : null).get("spark.ui.enabled")).isEqualTo("true");
  }
}
