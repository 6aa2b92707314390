package org.sparsecode.core.fft;

import static org.bytedeco.fftw.global.fftw3.FFTW_DESTROY_INPUT;
import static org.bytedeco.fftw.global.fftw3.FFTW_ESTIMATE;
import static org.bytedeco.fftw.global.fftw3.FFTW_MEASURE;
import static org.bytedeco.fftw.global.fftw3.FFTW_PATIENT;
import static org.bytedeco.fftw.global.fftw3.fftw_execute_dft_c2r;
import static org.bytedeco.fftw.global.fftw3.fftw_execute_dft_r2c;
import static org.bytedeco.fftw.global.fftw3.fftw_plan_guru_dft_c2r;
import static org.bytedeco.fftw.global.fftw3.fftw_plan_guru_dft_r2c;

import java.nio.DoubleBuffer;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.fftw.global.fftw3.fftw_iodim;
import org.bytedeco.fftw.global.fftw3.fftw_plan;
import org.bytedeco.javacpp.DoublePointer;

/**
 * The FFTW engine of {@link DoubleFft2d} in float64: one forward (r2c) and one inverse (c2r) plan per shape,
 * made once per process and shared. The plans are FFTW "guru" plans whose strides write the package's
 * column-major half spectrum directly, so no transposition is done in Java: the arrays are only copied to and
 * from native memory (one bulk copy each way).
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
  private static final ConcurrentHashMap<Long, DoubleFftw2d> PLANS = new ConcurrentHashMap<>();

  private final int area;
  private final int spectrumLength;
  private final fftw_plan forwardPlan;
  private final fftw_plan inversePlan;
  private final ThreadLocal<Buffers> buffers;

  /** One thread's native input and output arrays. */
  private static final class Buffers {
    final DoublePointer real;
    final DoublePointer complex;
    final DoubleBuffer realView;
    final DoubleBuffer complexView;

    Buffers(int area, int spectrumLength) {
      real = aligned(area);
      complex = aligned(spectrumLength);
      realView = real.asBuffer();
      complexView = complex.asBuffer();
    }
  }

  private DoubleFftw2d(int height, int width) {
    this.area = height * width;
    int columns = width / 2 + 1;
    this.spectrumLength = 2 * height * columns;
    this.buffers = ThreadLocal.withInitial(() -> new Buffers(area, spectrumLength));
    Buffers b = buffers.get();
    // Real array: row-major, row stride W. Half spectrum: column-major, frequency row r at complex offset r,
    // column c at c·H (the package layout). Strides count elements of each side's own type.
    fftw_iodim dims = new fftw_iodim(2);
    dims.position(0).n(height).is(width).os(1);
    dims.position(1).n(width).is(1).os(height);
    dims.position(0);
    fftw_iodim inverseDims = new fftw_iodim(2);
    inverseDims.position(0).n(height).is(1).os(width);
    inverseDims.position(1).n(width).is(height).os(1);
    inverseDims.position(0);
    int flags = plannerFlags();
    synchronized (FftBackend.class) {
      this.forwardPlan = fftw_plan_guru_dft_r2c(2, dims, 0, null, b.real, b.complex, flags);
      this.inversePlan = fftw_plan_guru_dft_c2r(2, inverseDims, 0, null, b.complex, b.real,
          flags | FFTW_DESTROY_INPUT);
    }
    if (forwardPlan == null || forwardPlan.isNull() || inversePlan == null || inversePlan.isNull()) {
      throw new IllegalStateException("FFTW could not plan a " + height + "x" + width + " transform");
    }
  }

  /**
   * The plans for one shape, made at the first request and shared by every caller afterwards.
   *
   * @param height H
   * @param width W
   * @return the engine
   */
  static DoubleFftw2d of(int height, int width) {
    return PLANS.computeIfAbsent(((long) height << 32) | width, key -> new DoubleFftw2d(height, width));
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
  private static DoublePointer aligned(int n) {
    DoublePointer p = new DoublePointer((long) n + ALIGN);
    long misaligned = p.address() % ALIGN;
    long skip = misaligned == 0 ? 0 : (ALIGN - misaligned) / p.sizeof();
    p.position(skip);
    p.limit(skip + n);
    return p;
  }

  /**
   * Forward DFT of one real array to the package's half spectrum.
   *
   * @param image {@code H · W} values, row-major, from {@code imageOffset}
   * @param imageOffset where the array starts
   * @param spectrum receives the half spectrum from {@code spectrumOffset}
   * @param spectrumOffset where the spectrum starts
   */
  void forward(double[] image, int imageOffset, double[] spectrum, int spectrumOffset) {
    Buffers b = buffers.get();
    b.realView.put(0, image, imageOffset, area);
    fftw_execute_dft_r2c(forwardPlan, b.real, b.complex);
    b.complexView.get(0, spectrum, spectrumOffset, spectrumLength);
  }

  /**
   * Inverse DFT of a half spectrum, divided by {@code H · W}; the spectrum is not modified.
   *
   * @param spectrum the half spectrum from {@code spectrumOffset}
   * @param spectrumOffset where the spectrum starts
   * @param image receives {@code H · W} values, row-major, from {@code imageOffset}
   * @param imageOffset where the array starts
   */
  void inverse(double[] spectrum, int spectrumOffset, double[] image, int imageOffset) {
    Buffers b = buffers.get();
    b.complexView.put(0, spectrum, spectrumOffset, spectrumLength);
    fftw_execute_dft_c2r(inversePlan, b.complex, b.real);
    b.realView.get(0, image, imageOffset, area);
    // The factor is cast to the storage type so that the float32 twin multiplies in float.
    double scale = 1.0 / area;
    var s = (double) scale;
    for (int i = imageOffset, end = imageOffset + area; i < end; i++) {
      image[i] = image[i] * s;
    }
  }
}
