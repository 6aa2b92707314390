package org.sparsecode.core.fft;

import static org.bytedeco.fftw.global.fftw3.FFTW_DESTROY_INPUT;
import static org.bytedeco.fftw.global.fftw3.FFTW_ESTIMATE;
import static org.bytedeco.fftw.global.fftw3.FFTW_FORWARD;
import static org.bytedeco.fftw.global.fftw3.FFTW_MEASURE;
import static org.bytedeco.fftw.global.fftw3.FFTW_PATIENT;
import static org.bytedeco.fftw.global.fftw3.fftw_execute_dft;
import static org.bytedeco.fftw.global.fftw3.fftw_execute_dft_c2r;
import static org.bytedeco.fftw.global.fftw3.fftw_execute_dft_r2c;
import static org.bytedeco.fftw.global.fftw3.fftw_plan_guru_dft;
import static org.bytedeco.fftw.global.fftw3.fftw_plan_guru_dft_c2r;
import static org.bytedeco.fftw.global.fftw3.fftw_plan_guru_dft_r2c;

import java.nio.DoubleBuffer;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.fftw.global.fftw3.fftw_iodim;
import org.bytedeco.fftw.global.fftw3.fftw_plan;
import org.bytedeco.javacpp.DoublePointer;

/**
 * The FFTW engine of {@link DoubleFft2d} in float64: per shape, a forward (r2c) and an inverse (c2r) plan on
 * FFTW's natural row-major half spectrum and two transposition plans between it and the package's
 * column-major layout, made once per process and shared. FFTW transposes in native memory (a rank-0 guru
 * plan, cache-oblivious) about ten times faster than it runs a 2-D plan whose output strides are transposed
 * (measured at 256×256: 13 µs + 150 µs against 420 µs), and Java only does one bulk copy each way.
 *
 * <p>Thread safety: FFTW's planner is not thread-safe, so planning holds a process-wide lock; executing a plan
 * is, on distinct buffers, so each thread transforms in its own native buffers (one pair per thread and
 * shape, allocated at its first transform and freed with the thread).
 *
 * <p>Plans are made with {@code FFTW_ESTIMATE} unless the system property {@value #PLANNER_PROPERTY} says
 * {@code measure} or {@code patient}: an estimated plan is the same on every run, so results are
 * reproducible bit for bit (a measured plan is chosen by timing and may change the last bits).
 */
// Template: FloatFftw2d.java is generated from this file by PrecisionTwinsTest (edit here, then regenerate).
@SuppressWarnings("cast") // casts to the storage type: no-ops here, roundings in the float32 twin
final class DoubleFftw2d {
  /** System property choosing FFTW's planner: {@code estimate} (default), {@code measure} or {@code patient}. */
  static final String PLANNER_PROPERTY = "sparsecode.fftw.planner";
  /** Native buffers start on a 64-byte boundary, enough for every SIMD width FFTW uses. */
  private static final int ALIGN = 64;
  private static final ConcurrentHashMap<List<Integer>, DoubleFftw2d> PLANS = new ConcurrentHashMap<>();

  private final int area;
  private final int spectrumLength;
  /** Arrays transformed per call (FFTW's {@code howmany}). */
  private final int many;
  private final fftw_plan forwardPlan;
  private final fftw_plan toColumns;
  private final fftw_plan toRows;
  private final fftw_plan inversePlan;
  private final ThreadLocal<Buffers> buffers;

  /** One thread's native arrays: the real arrays, the row-major and the column-major half spectra. */
  private static final class Buffers {
    final DoublePointer real;
    final DoublePointer rows;
    final DoublePointer columns;
    final DoubleBuffer realView;
    final DoubleBuffer columnsView;

    Buffers(long area, long spectrumLength) {
      real = aligned(area);
      rows = aligned(spectrumLength);
      columns = aligned(spectrumLength);
      realView = real.asBuffer();
      columnsView = columns.asBuffer();
    }
  }

  private DoubleFftw2d(int height, int width, int many) {
    this.area = height * width;
    int columns = width / 2 + 1;
    this.spectrumLength = 2 * height * columns;
    this.many = many;
    this.buffers = ThreadLocal.withInitial(() -> new Buffers((long) many * area, (long) many * spectrumLength));
    Buffers b = buffers.get();
    // Real array: row-major, row stride W; FFTW's half spectrum: row-major, row stride W/2 + 1 (complex
    // elements). The transpositions are rank-0 transforms (copies) over an H × (W/2 + 1) loop whose output
    // strides are swapped: frequency (r, c) goes from r·(W/2 + 1) + c to c·H + r, the package layout. A batch
    // of several arrays adds one outer loop (FFTW's howmany dimension) over consecutive arrays.
    int half = height * columns;
    fftw_iodim dims = new fftw_iodim(2);
    dims.position(0).n(height).is(width).os(columns);
    dims.position(1).n(width).is(1).os(1);
    dims.position(0);
    fftw_iodim inverseDims = new fftw_iodim(2);
    inverseDims.position(0).n(height).is(columns).os(width);
    inverseDims.position(1).n(width).is(1).os(1);
    inverseDims.position(0);
    fftw_iodim toColumnMajor = new fftw_iodim(3);
    toColumnMajor.position(0).n(many).is(half).os(half);
    toColumnMajor.position(1).n(height).is(columns).os(1);
    toColumnMajor.position(2).n(columns).is(1).os(height);
    toColumnMajor.position(0);
    fftw_iodim toRowMajor = new fftw_iodim(3);
    toRowMajor.position(0).n(many).is(half).os(half);
    toRowMajor.position(1).n(columns).is(height).os(1);
    toRowMajor.position(2).n(height).is(1).os(columns);
    toRowMajor.position(0);
    fftw_iodim forwardLoop = new fftw_iodim(1);
    forwardLoop.n(many).is(area).os(half);
    fftw_iodim inverseLoop = new fftw_iodim(1);
    inverseLoop.n(many).is(half).os(area);
    int loops = many == 1 ? 0 : 1;
    int flags = plannerFlags();
    synchronized (FftBackend.class) {
      this.forwardPlan = fftw_plan_guru_dft_r2c(2, dims, loops, loops == 0 ? null : forwardLoop, b.real, b.rows,
          flags);
      this.toColumns = fftw_plan_guru_dft(0, null, loops + 2, toColumnMajor.position(1 - loops), b.rows, b.columns,
          FFTW_FORWARD, flags);
      this.toRows = fftw_plan_guru_dft(0, null, loops + 2, toRowMajor.position(1 - loops), b.columns, b.rows,
          FFTW_FORWARD, flags);
      this.inversePlan = fftw_plan_guru_dft_c2r(2, inverseDims, loops, loops == 0 ? null : inverseLoop, b.rows,
          b.real, flags | FFTW_DESTROY_INPUT);
    }
    if (isNull(forwardPlan) || isNull(toColumns) || isNull(toRows) || isNull(inversePlan)) {
      throw new IllegalStateException("FFTW could not plan a " + height + "x" + width + " transform"
          + (many == 1 ? "" : " of " + many + " arrays"));
    }
  }

  private static boolean isNull(org.bytedeco.javacpp.Pointer plan) {
    return plan == null || plan.isNull();
  }

  /**
   * The plans for one shape, made at the first request and shared by every caller afterwards.
   *
   * @param height H
   * @param width W
   * @return the engine
   */
  static DoubleFftw2d of(int height, int width) {
    return of(height, width, 1);
  }

  /**
   * The plans transforming {@code many} consecutive arrays of one shape per call (FFTW's batched
   * {@code howmany} loop), made at the first request and shared by every caller afterwards.
   *
   * @param height H
   * @param width W
   * @param many arrays per call, at least 1
   * @return the engine
   */
  static DoubleFftw2d of(int height, int width, int many) {
    return PLANS.computeIfAbsent(List.of(height, width, many), key -> new DoubleFftw2d(height, width, many));
  }

  /**
   * Arrays transformed per call.
   *
   * @return the batch size
   */
  int many() {
    return many;
  }

  private static int plannerFlags() {
    String planner = System.getProperty(PLANNER_PROPERTY, "estimate");
    return switch (planner) {
      case "measure" -> FFTW_MEASURE;
      case "patient" -> FFTW_PATIENT;
      default -> FFTW_ESTIMATE;
    };
  }

  /** A native array of {@code n} values starting on an {@link #ALIGN}-byte boundary. */
  private static DoublePointer aligned(long n) {
    DoublePointer p = new DoublePointer(n + ALIGN);
    long misaligned = p.address() % ALIGN;
    long skip = misaligned == 0 ? 0 : (ALIGN - misaligned) / p.sizeof();
    p.position(skip);
    p.limit(skip + n);
    return p;
  }

  /**
   * Forward DFT of {@link #many()} real arrays (consecutive, {@code H · W} values apart) to the package's half
   * spectra (consecutive, one spectrum length apart).
   *
   * @param image {@code H · W} values per array, row-major, from {@code imageOffset}
   * @param imageOffset where the array starts
   * @param spectrum receives the half spectrum from {@code spectrumOffset}
   * @param spectrumOffset where the spectrum starts
   */
  void forward(double[] image, int imageOffset, double[] spectrum, int spectrumOffset) {
    Buffers b = buffers.get();
    b.realView.put(0, image, imageOffset, many * area);
    fftw_execute_dft_r2c(forwardPlan, b.real, b.rows);
    fftw_execute_dft(toColumns, b.rows, b.columns);
    b.columnsView.get(0, spectrum, spectrumOffset, many * spectrumLength);
  }

  /**
   * Inverse DFT of {@link #many()} half spectra, each divided by {@code H · W}; the spectra are not modified.
   *
   * @param spectrum the half spectra from {@code spectrumOffset}
   * @param spectrumOffset where the spectrum starts
   * @param image receives {@code H · W} values, row-major, from {@code imageOffset}
   * @param imageOffset where the array starts
   */
  void inverse(double[] spectrum, int spectrumOffset, double[] image, int imageOffset) {
    Buffers b = buffers.get();
    b.columnsView.put(0, spectrum, spectrumOffset, many * spectrumLength);
    fftw_execute_dft(toRows, b.columns, b.rows);
    fftw_execute_dft_c2r(inversePlan, b.rows, b.real);
    b.realView.get(0, image, imageOffset, many * area);
    // The factor is cast to the storage type so that the float32 twin multiplies in float.
    double scale = 1.0 / area;
    var s = (double) scale;
    for (int i = imageOffset, end = imageOffset + many * area; i < end; i++) {
      image[i] = image[i] * s;
    }
  }
}
