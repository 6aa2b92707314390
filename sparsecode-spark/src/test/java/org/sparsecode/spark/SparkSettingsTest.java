package org.sparsecode.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.experiments.config.ConfigError;

/** The Spark configuration of a run: masters, task cores, settings. */
class SparkSettingsTest {
  @TempDir
  Path tmp;

  private static SparkConf withSecretFile(String master, Path file) {
    return SparkSettings.conf(master, "a", 1, Map.of(),
        n -> SparkSettings.SECRET_FILE.equals(n) ? file.toString() : null);
  }

  @Test
  void embeddedMastersGiveTheirCoresAndClusterMastersNone() {
    assertThat(SparkSettings.localCores("local")).isEqualTo(1);
    assertThat(SparkSettings.localCores("local[3]")).isEqualTo(3);
    assertThat(SparkSettings.localCores("local[3,4]")).isEqualTo(3);
    assertThat(SparkSettings.localCores("local[*]")).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(SparkSettings.localCores("spark://127.0.0.1:7077")).isEqualTo(-1);
    assertThat(SparkSettings.defaultMaster()).isEqualTo("local[" + Runtime.getRuntime().availableProcessors()
        + ",4]");
    assertThat(SparkSettings.localCores(SparkSettings.defaultMaster()))
        .isEqualTo(Runtime.getRuntime().availableProcessors());
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
  void theUiIsOnByDefaultOnlyWhenSparkLocalIpIsALoopbackAddress() {
    assertThat(SparkSettings.conf("local[2]", "a", 1, Map.of(), n -> null).get("spark.ui.enabled"))
        .isEqualTo("false");
    for (String loopback : List.of("127.0.0.1", "127.1.2.3", "localhost", "::1")) {
      assertThat(SparkSettings.conf("local[2]", "a", 1, Map.of(), n -> "SPARK_LOCAL_IP".equals(n) ? loopback : null)
          .get("spark.ui.enabled")).as(loopback).isEqualTo("true");
    }
    assertThat(SparkSettings.conf("local[2]", "a", 1, Map.of(), n -> "SPARK_LOCAL_IP".equals(n) ? "10.1.2.3" : null)
        .get("spark.ui.enabled")).isEqualTo("false");
  }

  @Test
  void theUiIsAllowedWhenSparkLocalIpSaysWhereToListen() {
    assertThat(SparkSettings.conf("local[2]", "a", 1, Map.of("spark.ui.enabled", "true"),
        n -> "SPARK_LOCAL_IP".equals(n) ? "127.0.0.1" : null).get("spark.ui.enabled")).isEqualTo("true");
  }

  @Test
  void aSecretFileTurnsAuthenticationOnWithItsFirstLine() throws IOException {
    Path file = Files.writeString(tmp.resolve("secret"), "  0a1b2c  \nignored\n");
    SparkConf conf = withSecretFile("spark://127.0.0.1:7077", file);
    assertThat(conf.get("spark.authenticate")).isEqualTo("true");
    assertThat(conf.get("spark.authenticate.secret")).isEqualTo("0a1b2c");
  }

  @Test
  void withoutASecretFileAuthenticationIsLeftToTheSettings() {
    assertThat(SparkSettings.conf("spark://127.0.0.1:7077", "a", 1, Map.of(), n -> null)
        .contains("spark.authenticate.secret")).isFalse();
  }

  @Test
  void aMissingSecretFileIsRefusedNamingTheVariableAndTheFile() {
    Path file = tmp.resolve("absent");
    assertThatThrownBy(() -> withSecretFile("spark://127.0.0.1:7077", file))
        .isInstanceOf(ConfigError.class)
        .hasMessageStartingWith("SPARSECODE_SPARK_SECRET_FILE=" + file + ": cannot read the file");
  }

  @Test
  void anEmptySecretFileIsRefused() throws IOException {
    Path file = Files.writeString(tmp.resolve("secret"), "\n");
    assertThatThrownBy(() -> withSecretFile("spark://127.0.0.1:7077", file))
        .isInstanceOf(ConfigError.class)
        .hasMessage("SPARSECODE_SPARK_SECRET_FILE=" + file + ": the file is empty; it must hold the cluster's"
            + " spark.authenticate.secret on its first line");
  }

  @Test
  void executorsOfALoopbackClusterGetTheDriversClassPathAndOthersDoNot() {
    assertThat(SparkSettings.conf("spark://127.0.0.1:7077", "a", 1, Map.of(), n -> null)
        .get("spark.executor.extraClassPath")).isEqualTo(System.getProperty("java.class.path"));
    assertThat(SparkSettings.conf("spark://10.0.0.5:7077", "a", 1, Map.of(), n -> null)
        .contains("spark.executor.extraClassPath")).isFalse();
    assertThat(SparkSettings.conf("local[2]", "a", 1, Map.of(), n -> null)
        .contains("spark.executor.extraClassPath")).isFalse();
  }
}
