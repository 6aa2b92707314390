package org.sparsecode.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.sparsecode.experiments.config.ConfigError;

/**
 * The Spark configuration of a run. Nothing listens on the network unless asked: with an embedded {@code
 * local[N]} master (or a master on this machine's loopback) the driver and its block manager bind to 127.0.0.1,
 * the UI is on only when {@code SPARK_LOCAL_IP} is a loopback address (Spark binds the UI to that variable's
 * address, to every interface when it is unset; the launcher sets it to 127.0.0.1 for a master on this machine),
 * and no REST submission server runs. {@code --conf} settings come last and win.
 *
 * <p>A cluster that authenticates ({@code spark.authenticate}) shares one secret with its drivers: the file named
 * by {@value #SECRET_FILE} holds it, so that it appears on no command line (anyone on the machine can read those).
 * Executors of a master on this machine's loopback run on this machine: they get the driver's class path.
 */
final class SparkSettings {
  /** The loopback address the driver binds to for a master on this machine. */
  static final String LOOPBACK = "127.0.0.1";
  /**
   * The environment variable naming the file that holds the cluster's shared secret: when set, the run has
   * {@code spark.authenticate=true} and that {@code spark.authenticate.secret}.
   */
  static final String SECRET_FILE = "SPARSECODE_SPARK_SECRET_FILE";
  private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\s*\\d+)?\\])?");

  private SparkSettings() {}

  /** The attempts of a task of the default master, as a cluster's default {@code spark.task.maxFailures}. */
  static final int ATTEMPTS = 4;

  /**
   * The default master: embedded, one task slot per available processor, a failed task tried again up to
   * {@value #ATTEMPTS} times in all (a plain {@code local[N]} tries each task once).
   *
   * @return {@code local[N,4]}
   */
  static String defaultMaster() {
    return "local[" + Runtime.getRuntime().availableProcessors() + "," + ATTEMPTS + "]";
  }

  /**
   * Whether an address is this machine's loopback.
   *
   * @param address an address or host name, or {@code null}
   * @return {@code true} for 127.x.x.x, {@code localhost} and {@code ::1}
   */
  static boolean isLoopback(String address) {
    return address != null && address.trim().matches("127(\\.\\d{1,3}){3}|localhost|::1|\\[::1\\]");
  }

  /**
   * The cores of an embedded master.
   *
   * @param master a master URL
   * @return N for {@code local[N]} (or {@code local[N,F]}), the processors for {@code local[*]}, 1 for {@code
   *     local}; -1 for a cluster's master
   */
  static int localCores(String master) {
    Matcher m = LOCAL.matcher(master.trim());
    if (!m.matches()) {
      return -1;
    }
    if (m.group(1) == null) {
      return 1;
    }
    return "*".equals(m.group(1)) ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(m.group(1));
  }

  /**
   * Whether a master runs on this machine: embedded, or a cluster master on a loopback address.
   *
   * @param master a master URL
   * @return {@code true} when the driver can bind to loopback
   */
  static boolean onThisMachine(String master) {
    String m = master.trim();
    return localCores(m) > 0 || m.matches("spark://(127\\.0\\.0\\.1|localhost|\\[::1\\])(:\\d+)?");
  }

  /**
   * The configuration.
   *
   * @param master the master URL
   * @param appName the application's name
   * @param threadsPerTask the cores each task takes ({@code spark.task.cpus}), the threads of its solver
   * @param settings {@code --conf} settings, applied last
   * @param env the environment (reads {@code SPARK_LOCAL_IP} and {@value #SECRET_FILE})
   * @return the configuration
   * @throws ConfigError for a {@code local[N]} with fewer cores than a task takes, a setting that is not {@code
   *     key=value} of a {@code spark.} key, the UI asked for without {@code SPARK_LOCAL_IP}, or a secret file
   *     that cannot be read or is empty
   */
  static SparkConf conf(String master, String appName, int threadsPerTask, Map<String, String> settings,
      UnaryOperator<String> env) {
    int cores = localCores(master);
    if (cores == 0) {
      throw new ConfigError("--master " + master + ": an embedded master needs at least one core");
    }
    if (cores > 0 && threadsPerTask > cores) {
      throw new ConfigError("--threads " + threadsPerTask + ": each task takes " + threadsPerTask + " cores and "
          + master + " has " + cores + "; give --master local[" + threadsPerTask + "] or more, or fewer --threads");
    }
    SparkConf conf = new SparkConf(false).setMaster(master).setAppName(appName)
        .set("spark.task.cpus", Integer.toString(threadsPerTask))
        .set("spark.ui.enabled", Boolean.toString(isLoopback(env.apply("SPARK_LOCAL_IP"))))
        .set("spark.ui.showConsoleProgress", "false")
        .set("spark.master.rest.enabled", "false");
    if (onThisMachine(master)) {
      conf.set("spark.driver.host", LOOPBACK).set("spark.driver.bindAddress", LOOPBACK);
      if (cores < 0) {
        // a cluster on loopback: its executors run on this machine, where the driver's class path is valid
        conf.set("spark.executor.extraClassPath", System.getProperty("java.class.path"));
      }
    }
    String secretFile = env.apply(SECRET_FILE);
    if (secretFile != null && !secretFile.isBlank()) {
      conf.set("spark.authenticate", "true").set("spark.authenticate.secret", secret(Path.of(secretFile)));
    }
    for (Map.Entry<String, String> s : settings.entrySet()) {
      if (!s.getKey().startsWith("spark.")) {
        throw new ConfigError("--conf " + s.getKey() + "=" + s.getValue() + ": Spark settings start with spark."
            + " (e.g. --conf spark.ui.enabled=true); sparsecode.imagesPerTask=N sets the images of a task");
      }
      conf.set(s.getKey(), s.getValue());
    }
    if (conf.getBoolean("spark.ui.enabled", true) && env.apply("SPARK_LOCAL_IP") == null) {
      throw new ConfigError("--conf spark.ui.enabled=true: Spark's UI would listen on every network interface"
          + " (0.0.0.0); set SPARK_LOCAL_IP=127.0.0.1 in the environment to keep it on this machine, or to the"
          + " address to serve it on");
    }
    return conf;
  }

  /** The shared secret in a file: its first line, trimmed. */
  private static String secret(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new ConfigError(SECRET_FILE + "=" + file + ": cannot read the file (" + e.getMessage() + "); give the"
          + " file holding the cluster's spark.authenticate.secret (scripts/spark-loopback-cluster.sh writes"
          + " DIR/secret), or unset the variable for a cluster without authentication", e);
    }
    String line = text.lines().findFirst().orElse("").trim();
    if (line.isEmpty()) {
      throw new ConfigError(SECRET_FILE + "=" + file + ": the file is empty; it must hold the cluster's"
          + " spark.authenticate.secret on its first line");
    }
    return line;
  }
}
