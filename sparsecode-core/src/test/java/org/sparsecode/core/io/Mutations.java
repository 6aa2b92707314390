package org.sparsecode.core.io;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assertions;
import org.sparsecode.api.SparsecodeException;

/**
 * Seeded random inputs for the fuzz tests of the file readers: random byte strings and mutations of valid
 * files (bit flips, bytes set to boundary values, 32-bit fields overwritten with extreme numbers,
 * truncations, insertions, deletions, duplicated regions). Every input is a function of its seed alone, so a
 * failing seed printed by a test replays exactly with {@code -Dfuzz.seed=SEED}.
 */
public final class Mutations {
  /** The base seed of every fuzz test: run i uses {@code BASE_SEED + i}. */
  public static final long BASE_SEED = 0x5EED_F11EL;

  private static final byte[] BOUNDARY = {0, 1, 0x7f, (byte) 0x80, (byte) 0xff, (byte) 0xfe, '\n', '(', ')', ','};
  private static final int[] EXTREME = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7fff, 0xffff,
      100_000, 1 << 20, 1 << 30};

  /** Longest a single read may take: a reader that loops on a damaged file fails the run instead of hanging. */
  private static final Duration RUN_LIMIT = Duration.ofSeconds(20);

  private Mutations() {}

  /**
   * Runs a read of a fuzzed input: it may succeed or throw a {@link SparsecodeException} (or subclass) whose
   * message names the file and carries no Java class name; anything else (an IndexOutOfBounds, a
   * NegativeArraySize, an OutOfMemoryError, an EOFException, an IllegalArgumentException from a decoder, a
   * run over {@link #RUN_LIMIT}) fails, with the seed to replay it.
   *
   * @param seed the run's seed, for the failure message
   * @param input what was read (e.g. {@code png mutation}), for the failure message
   * @param name the file name the error must contain
   * @param read the read
   * @return whether the read threw a {@link SparsecodeException} (the input was refused)
   */
  public static boolean expectOnlyProjectErrors(long seed, String input, String name, Runnable read) {
    String replay = " (seed " + seed + ": replay with -Dfuzz.seed=" + seed + ")";
    Throwable[] thrown = new Throwable[1];
    try {
      Assertions.assertTimeoutPreemptively(RUN_LIMIT, () -> {
        try {
          read.run();
        } catch (Throwable t) {
          thrown[0] = t;
        }
      }, () -> input + " ran over " + RUN_LIMIT + replay);
    } catch (OutOfMemoryError e) {
      Assertions.fail(input + ": OutOfMemoryError" + replay, e);
    }
    Throwable t = thrown[0];
    if (t == null) {
      return false;
    }
    if (!(t instanceof SparsecodeException)) {
      Assertions.fail(input + ": " + t.getClass().getName() + " escaped the reader" + replay, t);
    }
    String message = t.getMessage();
    if (message == null || !message.contains(name)) {
      Assertions.fail(input + ": the error does not name the file " + name + ": " + message + replay, t);
    }
    if (message.contains("Exception:") || message.contains("Error:")) {
      Assertions.fail(input + ": the error shows a Java class name: " + message + replay, t);
    }
    return true;
  }

  /**
   * How many runs a fuzz test makes: {@code fuzz.runs} when set, else the given default.
   *
   * @param defaultRuns the default build's count (a few seconds in all)
   * @return the count
   */
  public static int runs(int defaultRuns) {
    return Integer.getInteger("fuzz.runs", defaultRuns);
  }

  /**
   * The seeds of a fuzz test: {@code BASE_SEED + offset + i} for {@code i < runs}, or only {@code fuzz.seed}
   * when that property is set (to replay one failure).
   *
   * @param offset separates the seeds of the tests of one class
   * @param runs the number of runs
   * @return the seeds
   */
  public static long[] seeds(long offset, int runs) {
    String replay = System.getProperty("fuzz.seed");
    if (replay != null) {
      return new long[] {Long.decode(replay)};
    }
    long[] seeds = new long[runs];
    for (int i = 0; i < runs; i++) {
      seeds[i] = BASE_SEED + offset + i;
    }
    return seeds;
  }

  /**
   * Random bytes.
   *
   * @param r the generator
   * @param maxLength the longest string
   * @return 0 to {@code maxLength} random bytes
   */
  public static byte[] randomBytes(SplittableRandom r, int maxLength) {
    byte[] b = new byte[r.nextInt(maxLength + 1)];
    r.nextBytes(b);
    return b;
  }

  /**
   * Random bytes after a given prefix (a magic string), so that the parser behind the signature check runs.
   *
   * @param r the generator
   * @param prefix the first bytes
   * @param maxLength the longest tail
   * @return the prefix and a random tail
   */
  public static byte[] randomAfter(SplittableRandom r, byte[] prefix, int maxLength) {
    byte[] tail = randomBytes(r, maxLength);
    byte[] out = Arrays.copyOf(prefix, prefix.length + tail.length);
    System.arraycopy(tail, 0, out, prefix.length, tail.length);
    return out;
  }

  /**
   * One to three random mutations of a valid file.
   *
   * @param valid the file's bytes, not modified
   * @param r the generator
   * @param protect leading bytes left intact (a signature), so that the decoder behind it runs; 0 for none
   * @return the mutated copy
   */
  public static byte[] mutate(byte[] valid, SplittableRandom r, int protect) {
    byte[] b = valid.clone();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      b = mutateOnce(b, r, Math.min(protect, b.length));
    }
    return b;
  }

  private static byte[] mutateOnce(byte[] b, SplittableRandom r, int protect) {
    int free = b.length - protect;
    if (free <= 0) {
      return b;
    }
    int at = protect + r.nextInt(free);
    switch (r.nextInt(8)) {
      case 0 -> {
        for (int k = 1 + r.nextInt(8); k > 0; k--) {
          int p = protect + r.nextInt(free);
          b[p] ^= (byte) (1 << r.nextInt(8));
        }
        return b;
      }
      case 1 -> {
        b[at] = BOUNDARY[r.nextInt(BOUNDARY.length)];
        return b;
      }
      case 2 -> {
        // a 32-bit field (a length, a width, a count) set to an extreme value, big- or little-endian
        int v = EXTREME[r.nextInt(EXTREME.length)];
        boolean big = r.nextBoolean();
        for (int k = 0; k < 4 && at + k < b.length; k++) {
          b[at + k] = (byte) (big ? v >>> (24 - 8 * k) : v >>> (8 * k));
        }
        return b;
      }
      case 3 -> {
        return Arrays.copyOf(b, at);
      }
      case 4 -> {
        byte[] chunk = randomBytes(r, 32);
        byte[] out = new byte[b.length + chunk.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(chunk, 0, out, at, chunk.length);
        System.arraycopy(b, at, out, at + chunk.length, b.length - at);
        return out;
      }
      case 5 -> {
        int len = Math.min(1 + r.nextInt(64), b.length - at);
        byte[] out = new byte[b.length - len];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + len, out, at, b.length - at - len);
        return out;
      }
      case 6 -> {
        int len = Math.min(1 + r.nextInt(64), b.length - at);
        byte[] out = new byte[b.length + len];
        System.arraycopy(b, 0, out, 0, at + len);
        System.arraycopy(b, at, out, at + len, b.length - at);
        return out;
      }
      default -> {
        // cut a little off the end: the truncations downloads and interrupted copies make
        return Arrays.copyOf(b, Math.max(protect, b.length - 1 - r.nextInt(Math.min(64, free))));
      }
    }
  }
}
