package org.sparsecode.core.fft;

import java.util.Locale;
import org.sparsecode.api.ConfigException;

/**
 * The engine behind every 2-D FFT (YAML {@code fft: auto | fftw | jtransforms}, run-wide): FFTW 3.3.10
 * through JavaCPP's presets (native, faster) or JTransforms (pure Java, always there). {@link #AUTO} takes
 * FFTW when its native library loads and JTransforms otherwise.
 *
 * <p>The choice is process-wide ({@link #use}): every {@link DoubleFft2d} and {@link FloatFft2d} made without
 * an explicit backend takes {@link #current()}, so the solvers, the online dictionary step and the batch
 * learner all run on the same engine. A run resolves its choice once before anything is transformed.
 *
 * <p>The system property {@value #DISABLE_PROPERTY}{@code =true} or the environment variable
 * {@value #DISABLE_ENV}{@code =1} refuses the native library, as if it were absent (for tests, and for
 * machines where loading it misbehaves).
 */
public enum FftBackend {
  /** FFTW when its native library loads, else JTransforms. */
  AUTO,
  /** FFTW 3.3.10 (JavaCPP presets, linux-x86_64). */
  FFTW,
  /** JTransforms 3.1 (pure Java). */
  JTRANSFORMS;

  /** System property that simulates an absent FFTW library when {@code true}. */
  public static final String DISABLE_PROPERTY = "sparsecode.fftw.disable";
  /** Environment variable that simulates an absent FFTW library when {@code 1} or {@code true}. */
  public static final String DISABLE_ENV = "SPARSECODE_FFTW_DISABLE";

  private static volatile FftBackend chosen = AUTO;

  /**
   * The YAML spelling.
   *
   * @return {@code auto}, {@code fftw} or {@code jtransforms}
   */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses the YAML spelling.
   *
   * @param text {@code auto}, {@code fftw} or {@code jtransforms}
   * @return the backend
   * @throws ConfigException for any other text
   */
  public static FftBackend parse(String text) {
    for (FftBackend b : values()) {
      if (b.yamlName().equals(text)) {
        return b;
      }
    }
    throw new ConfigException("fft", "must be auto, fftw or jtransforms, got '" + text + "'");
  }

  /**
   * The engine this choice runs on here.
   *
   * @return {@link #FFTW} or {@link #JTRANSFORMS}, never {@link #AUTO}
   * @throws IllegalStateException for {@link #FFTW} when its native library does not load (the message
   *     says why and what to set instead)
   */
  public FftBackend resolve() {
    if (this == JTRANSFORMS) {
      return JTRANSFORMS;
    }
    if (Native.FAILURE == null) {
      return FFTW;
    }
    if (this == AUTO) {
      return JTRANSFORMS;
    }
    throw new IllegalStateException("fft: fftw, but the FFTW native library did not load ("
        + Native.FAILURE + "): use fft: auto or fft: jtransforms");
  }

  /**
   * Whether FFTW's native library loaded (and was not refused by {@value #DISABLE_PROPERTY}).
   *
   * @return true when {@link #FFTW} can run
   */
  public static boolean fftwAvailable() {
    return Native.FAILURE == null;
  }

  /**
   * Why FFTW is not available.
   *
   * @return the reason, or null when it is available
   */
  public static String fftwFailure() {
    return Native.FAILURE;
  }

  /**
   * Sets the process-wide choice and resolves it (FFTs planned before keep their engine).
   *
   * @param backend the choice
   * @return the engine now used, {@link #FFTW} or {@link #JTRANSFORMS}
   * @throws IllegalStateException for {@link #FFTW} when its native library does not load
   */
  public static FftBackend use(FftBackend backend) {
    FftBackend resolved = backend.resolve();
    chosen = resolved;
    return resolved;
  }

  /**
   * The engine new FFTs take: the last {@link #use} (AUTO resolved), or AUTO resolved when none was made.
   *
   * @return {@link #FFTW} or {@link #JTRANSFORMS}
   */
  public static FftBackend current() {
    return chosen.resolve();
  }

  /** Loads FFTW once, on first use; a failure is kept as a one-line reason (never a stack trace). */
  static final class Native {
    static final String FAILURE = load();

    private Native() {
    }

    private static String load() {
      if (Boolean.getBoolean(DISABLE_PROPERTY)) {
        return "refused by -D" + DISABLE_PROPERTY + "=true";
      }
      String env = System.getenv(DISABLE_ENV);
      if ("1".equals(env) || "true".equalsIgnoreCase(env)) {
        return "refused by " + DISABLE_ENV + "=" + env;
      }
      try {
        org.bytedeco.javacpp.Loader.load(org.bytedeco.fftw.global.fftw3.class);
        return null;
      } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError, ExceptionInInitializerError
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst()
            .orElse(""));
      }
    }
  }
}
