package org.sparsecode.gpu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;
import org.sparsecode.api.ConfigException;

/**
 * Starts ND4J once per process and says, clearly, when it cannot: which backend this build of the module was
 * made for ({@code cpu}, or {@code cuda} with Maven's {@code -Pcuda}), which one started, on which device, and
 * how much of that device's memory is free. There is no silent fallback: a CUDA build that finds no driver or
 * no GPU refuses to run and says how to get the CPU backend.
 *
 * <p>System properties: {@code sparsecode.nd4j.backend} ({@code cpu} or {@code cuda}) overrides the backend this
 * build expects (tests use it to see the message a CUDA build gives without a GPU); {@code sparsecode.nd4j.memory}
 * (bytes, or with a suffix {@code k}, {@code m}, {@code g}) caps the device memory the solvers plan with, to share
 * a GPU or to see the out-of-memory message.
 */
public final class Nd4jRuntime {
  /** The property that overrides the expected backend. */
  public static final String BACKEND_PROPERTY = "sparsecode.nd4j.backend";
  /** The property that caps the device memory the solvers plan with. */
  public static final String MEMORY_PROPERTY = "sparsecode.nd4j.memory";
  /** ND4J's version, as in the module's POM. */
  public static final String ND4J_VERSION = "1.0.0-M2.1";

  private static Nd4jRuntime started;
  private static Throwable failure;
  /** A line of a Java stack trace: a frame, a "Caused by", an elision, or an exception's own line. */
  private static final Pattern STACK_LINE = Pattern.compile(
      "^(\\s+at |\\s*\\.\\.\\. \\d+ more|Caused by: |[\\w.$]+(Exception|Error)(: |$))");
  /** What ND4J wrote on standard error while it started (its stack traces of the backends it skipped). */
  private static String startLog = "";

  private final String backend;
  private final String device;
  private int threadsInUse;

  private Nd4jRuntime(String backend, String device) {
    this.backend = backend;
    this.device = device;
  }

  /**
   * The backend this build was made for: {@code cuda} when built with {@code -Pcuda}, else {@code cpu}
   * (the system property {@value #BACKEND_PROPERTY} overrides it).
   *
   * @return {@code cpu} or {@code cuda}
   */
  public static String expectedBackend() {
    String p = System.getProperty(BACKEND_PROPERTY);
    if (p != null && !p.isBlank()) {
      return p.trim().toLowerCase(Locale.ROOT);
    }
    Properties props = new Properties();
    try (InputStream in = Nd4jRuntime.class.getResourceAsStream("backend.properties")) {
      if (in != null) {
        props.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return props.getProperty("backend", "cpu").trim();
  }

  /**
   * Starts ND4J (once per process) and checks that the backend this build expects is the one that started.
   *
   * @param solver the plugin asking (its name starts the messages), e.g. {@code nd4j-cbpdn-admm}
   * @param core the core solver to suggest instead, e.g. {@code cbpdn-admm}
   * @return the running backend
   * @throws ConfigException (key {@code type}) when ND4J does not start, or starts on another backend than
   *     expected: the message says why and how to run on the CPU backend
   */
  public static synchronized Nd4jRuntime require(String solver, String core) {
    String expected = expectedBackend();
    if (started == null && failure == null) {
      // ND4J prints the stack trace of every backend it cannot load on standard error, and a CUDA build without
      // a GPU is to fail with one message: its output is held back while it starts, and written out only when
      // the expected backend started
      PrintStream err = System.err;
      Held held = new Held(err);
      System.setErr(new PrintStream(held, true, StandardCharsets.UTF_8));
      try {
        started = start();
      } catch (Throwable e) { // ND4J's start-up fails with linkage errors as well as exceptions
        failure = e;
      } finally {
        System.setErr(err);
        startLog = held.release();
      }
      if (started != null && started.backend.equals(expected)) {
        // its warnings, without the stack traces of the backends it skipped (a CPU build whose lib still holds
        // the CUDA jar of an earlier -Pcuda build)
        startLog.lines().filter(l -> !STACK_LINE.matcher(l).find()).forEach(err::println);
      }
    }
    if (expected.equals("cuda") && (started == null || !started.backend.equals("cuda"))) {
      Matcher skipped = Pattern.compile("Skipped \\[JCublasBackend\\] backend \\(unavailable\\): ([^\\r\\n]+)")
          .matcher(startLog);
      String cause;
      if (skipped.find()) {
        cause = "ND4J skipped its CUDA backend: " + skipped.group(1);
      } else if (started != null) {
        cause = "ND4J started its " + started.backend + " backend instead";
      } else {
        cause = "ND4J's CUDA backend did not start: " + describe(failure);
      }
      throw new ConfigException("type", solver + ": this build of sparsecode-gpu runs on ND4J's CUDA backend (it was"
          + " built with -Pcuda), but no CUDA driver or GPU was found (" + cause + "). To run the nd4j-* solvers on"
          + " the CPU instead, rebuild the module without -Pcuda (mvn -B -DskipTests install -pl sparsecode-gpu -am,"
          + " or delete sparsecode-gpu/target and run ./sparsecode again), or use the core solver (type: " + core
          + ")");
    }
    if (started == null) {
      throw new ConfigException("type", solver + ": ND4J's CPU backend did not start (" + describe(failure)
          + "): the nd4j-* solvers need its native library for linux-x86_64; use the core solver (type: " + core
          + ")");
    }
    return started;
  }

  /**
   * Standard error while ND4J starts: held in memory, then (once released) passed through, so that a logger
   * that kept the stream it found at start-up still writes to the real one.
   */
  private static final class Held extends OutputStream {
    private final PrintStream real;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private volatile boolean holding = true;

    Held(PrintStream real) {
      this.real = real;
    }

    @Override
    public synchronized void write(int b) {
      if (holding) {
        buffer.write(b);
      } else {
        real.write(b);
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      if (holding) {
        buffer.write(b, off, len);
      } else {
        real.write(b, off, len);
      }
    }

    @Override
    public void flush() {
      if (!holding) {
        real.flush();
      }
    }

    /** Stops holding; returns what was held. */
    synchronized String release() {
      holding = false;
      return buffer.toString(StandardCharsets.UTF_8);
    }
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    StringBuilder text = new StringBuilder();
    while (root != null) {
      String m = root.getMessage();
      if (m != null && !m.isBlank() && text.indexOf(m) < 0) {
        if (text.length() > 0) {
          text.append(": ");
        }
        text.append(m.strip().lines().findFirst().orElse(""));
      }
      root = root.getCause() == root ? null : root.getCause();
    }
    return text.length() == 0 ? e.getClass().getSimpleName() : text.toString();
  }

  private static Nd4jRuntime start() {
    String backendClass = Nd4j.getBackend().getClass().getName();
    String kind = backendClass.toLowerCase(Locale.ROOT).contains("cublas")
        || backendClass.toLowerCase(Locale.ROOT).contains("cuda") ? "cuda" : "cpu";
    Map<String, Object> env = new LinkedHashMap<>();
    Nd4j.getExecutioner().getEnvironmentInformation().forEach((k, v) -> env.put(String.valueOf(k), v));
    String device;
    if (kind.equals("cuda")) {
      device = "GPU";
      Map<?, ?> first = firstDevice(env);
      if (first != null) {
        device = first.get("cuda.deviceName") + " (compute capability " + first.get("cuda.deviceMajor") + "."
            + first.get("cuda.deviceMinor") + ", " + gib(number(first.get("cuda.totalMemory"))) + ")";
      }
    } else {
      device = System.getProperty("os.arch") + " CPU, " + env.getOrDefault("cores", "?") + " cores, "
          + String.valueOf(env.getOrDefault("blas.vendor", "BLAS")).toLowerCase(Locale.ROOT);
    }
    return new Nd4jRuntime(kind, device);
  }

  private static Map<?, ?> firstDevice(Map<String, Object> env) {
    if (env.get("cuda.devicesInformation") instanceof List<?> list && !list.isEmpty()
        && list.get(0) instanceof Map<?, ?> m) {
      return m;
    }
    return null;
  }

  private static long number(Object o) {
    if (o instanceof Number n) {
      return n.longValue();
    }
    try {
      return o == null ? -1 : Long.parseLong(o.toString().trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String gib(long bytes) {
    return bytes < 0 ? "? GiB" : String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
  }

  /**
   * The backend that runs.
   *
   * @return {@code cpu} or {@code cuda}
   */
  public String backend() {
    return backend;
  }

  /**
   * The device, in words: the GPU's name, compute capability and memory, or the CPU's cores and BLAS.
   *
   * @return the description
   */
  public String device() {
    return device;
  }

  /**
   * Sets the threads ND4J's CPU backend computes with (its own pool and OpenBLAS's), process-wide: the run's
   * {@code threads}. Left to ND4J, both take every core, and their workers spin while they wait, which on a busy
   * machine makes the small operations of a solve tens of times slower. Nothing to do on CUDA.
   *
   * @param threads at least 1
   */
  synchronized void useThreads(int threads) {
    if (!backend.equals("cpu") || threads == threadsInUse) {
      return;
    }
    Nd4j.getEnvironment().setMaxThreads(threads);
    Nd4j.getEnvironment().setMaxMasterThreads(threads);
    Nd4j.factory().blas().setMaxThreads(threads);
    threadsInUse = threads;
  }

  /**
   * Whether this backend computes in a type: the CPU backend's BLAS multiplies float32 and float64 only (ND4J
   * multiplies 16-bit matrices there in plain loops, tens of times slower), so 16-bit types need the CUDA
   * backend.
   *
   * @param dtype the type
   * @return true if the solvers may use it here
   */
  public boolean supports(Dtype dtype) {
    return !dtype.half() || backend.equals("cuda");
  }

  /**
   * The device memory a solve may still use: the {@value #MEMORY_PROPERTY} cap when set; else, on CUDA, the
   * first device's free memory; on the CPU backend, what JavaCPP lets the process grow to
   * ({@code org.bytedeco.javacpp.maxPhysicalBytes}, by default a multiple of the heap limit {@code -Xmx}) minus
   * what it uses now.
   *
   * @return bytes, {@link Long#MAX_VALUE} when nothing is known
   */
  public long availableBytes() {
    String cap = System.getProperty(MEMORY_PROPERTY);
    if (cap != null && !cap.isBlank()) {
      return parseBytes(cap);
    }
    if (backend.equals("cuda")) {
      Map<String, Object> env = new LinkedHashMap<>();
      Nd4j.getExecutioner().getEnvironmentInformation().forEach((k, v) -> env.put(String.valueOf(k), v));
      Map<?, ?> first = firstDevice(env);
      long free = first == null ? -1 : number(first.get("cuda.freeMemory"));
      return free < 0 ? Long.MAX_VALUE : free;
    }
    long max = Pointer.maxPhysicalBytes();
    return max > 0 ? Math.max(0, max - Pointer.physicalBytes()) : Long.MAX_VALUE;
  }

  /**
   * What the solvers say to raise the memory they may use, for the out-of-memory message.
   *
   * @return advice naming the setting
   */
  String memoryAdvice() {
    if (System.getProperty(MEMORY_PROPERTY) != null) {
      return "raise -D" + MEMORY_PROPERTY;
    }
    return backend.equals("cuda") ? "use a GPU with more memory"
        : "give Java more memory (JAVA_OPTS=-Xmx8g raises the native limit too, or set"
            + " -Dorg.bytedeco.javacpp.maxPhysicalBytes)";
  }

  /**
   * Parses a byte count: digits with an optional {@code k}, {@code m}, {@code g} or {@code t} (powers of 1024).
   *
   * @param text the count
   * @return bytes
   * @throws ConfigException ({@value #MEMORY_PROPERTY}) if the text is not such a count
   */
  static long parseBytes(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    int shift = 0;
    if (!t.isEmpty()) {
      switch (t.charAt(t.length() - 1)) {
        case 'k' -> shift = 10;
        case 'm' -> shift = 20;
        case 'g' -> shift = 30;
        case 't' -> shift = 40;
        default -> shift = -1;
      }
      if (shift >= 0) {
        t = t.substring(0, t.length() - 1);
      } else {
        shift = 0;
      }
    }
    try {
      long v = Long.parseLong(t);
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v << shift;
    } catch (NumberFormatException e) {
      throw new ConfigException(MEMORY_PROPERTY, "must be a byte count such as 2g or 512m, got '" + text + "'");
    }
  }

  /**
   * What the solves run on, for a run's provenance.
   *
   * @param dtype the solver's arithmetic
   * @return {@code library}, {@code backend}, {@code device}, {@code dtype}
   */
  Map<String, String> provenance(Dtype dtype) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("library", "nd4j " + ND4J_VERSION);
    m.put("backend", backend);
    m.put("device", device);
    m.put("dtype", dtype.yamlName());
    return m;
  }
}
