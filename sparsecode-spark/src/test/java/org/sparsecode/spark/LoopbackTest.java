package org.sparsecode.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.sparsecode.experiments.config.ConfigError;

/** Nobody gets in: a default Spark run listens on loopback only, and the UI is never opened to every interface. */
class LoopbackTest {

  @Test
  void aDefaultRunListensOnLoopbackOnly() throws IOException {
    // the environment as a plain "java -cp ..." has it: no SPARK_LOCAL_IP
    JavaSparkContext spark = new JavaSparkContext(new SparkEngine(name -> null).conf("local[2]", Map.of()));
    List<String> listening;
    try {
      spark.parallelize(List.of(1, 2), 2).map(x -> x + 1).collect();
      listening = listeningAddresses();
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

  /** The local addresses of this process's listening TCP sockets, from /proc (sockets found by inode). */
  private static List<String> listeningAddresses() throws IOException {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException e) {
          // a descriptor closed while listing
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path p = Path.of(table);
      if (!Files.exists(p)) {
        continue;
      }
      for (String line : Files.readAllLines(p).subList(1, Files.readAllLines(p).size())) {
        String[] f = line.trim().split("\\s+");
        // f[1] local address:port, f[3] state (0A = LISTEN), f[9] inode
        if ("0A".equals(f[3]) && inodes.contains(f[9])) {
          out.add(address(f[1].substring(0, f[1].indexOf(':'))));
        }
      }
    }
    return out;
  }

  /** An address of /proc/net/tcp{,6}: little-endian words of hex. */
  private static String address(String hex) {
    if (hex.length() == 8) {
      long v = Long.parseLong(hex, 16);
      return (v & 0xff) + "." + ((v >> 8) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 24) & 0xff);
    }
    if ("0000000000000000FFFF00000100007F".equals(hex)) {
      return "127.0.0.1";
    }
    if ("00000000000000000000000001000000".equals(hex)) {
      return "::1";
    }
    return hex.chars().allMatch(c -> c == '0') ? "::" : "ipv6 " + hex;
  }
}
