package org.sparsecode.experiments.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.sparsecode.experiments.config.ConfigError;

/** The engines on the class path, found by {@link ServiceLoader}. */
public final class Engines {
  /** The default engine: this JVM. */
  public static final String LOCAL = "local";
  /** The Spark engine's name: its module is built and added by the launcher the first time it is asked for. */
  public static final String SPARK = "spark";

  private Engines() {}

  /**
   * The engines on the class path, by name, the local one first.
   *
   * @return them
   */
  public static Map<String, Engine> available() {
    Map<String, Engine> engines = new LinkedHashMap<>();
    engines.put(LOCAL, new LocalEngine());
    for (Engine e : ServiceLoader.load(Engine.class, Engines.class.getClassLoader())) {
      engines.putIfAbsent(e.name(), e);
    }
    return engines;
  }

  /**
   * The engine of a name.
   *
   * @param name what {@code --engine} was given
   * @return the engine
   * @throws ConfigError for an engine that is not on the class path: the Spark engine says how to get it, any
   *     other name lists the available ones
   */
  public static Engine find(String name) {
    Map<String, Engine> engines = available();
    Engine e = engines.get(name);
    if (e != null) {
      return e;
    }
    if (SPARK.equals(name)) {
      throw new ConfigError("--engine spark: the Spark engine is not on the class path: run through ./sparsecode,"
          + " which builds the sparsecode-spark module the first time --engine spark is asked for and adds it");
    }
    StringBuilder sb = new StringBuilder("--engine " + name + ": no such engine; available:");
    engines.values().forEach(x -> sb.append("\n  ").append(x.name()).append("  ").append(x.description()));
    if (!engines.containsKey(SPARK)) {
      sb.append("\n  ").append(SPARK).append("  Apache Spark (./sparsecode builds it the first time it is asked for)");
    }
    throw new ConfigError(sb.toString());
  }
}
