package org.sparsecode.learning.parametric;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.kernel.KernelInfo;
import org.sparsecode.api.learning.DictionaryLearner;
import org.sparsecode.api.learning.LearnListener;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.api.solver.SolveListener;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.kernel.LogGaborKernels.Normalisation;
import org.sparsecode.learning.checkpoint.Checkpointable;

/**
 * Learns the parameters of a log-Gabor dictionary: its atoms stay log-Gabor kernels and each kernel's
 * (θ, B_θ, sf0, B_sf, phase) moves by gradient descent on the coding objective. Step j:
 *
 * <ol>
 *   <li>regenerates every kernel and its Jacobian ({@link LogGaborJacobian}) from the current parameters,
 *       scaled as the initial dictionary ({@code peak} or {@code unit-l2});</li>
 *   <li>codes each image of the step's minibatch with the solver;</li>
 *   <li>computes the pixel gradient of the data term ½‖Σ d_k * x_k − s‖² ({@link DataTerm}), summed over the
 *       minibatch, and chains it through the Jacobian to the parameters (the ℓ1 term does not depend on them);</li>
 *   <li>takes one Adam step on the learned parameters in unconstrained coordinates: θ and the phase as they
 *       are (then wrapped into [0, 2π): the generator has period 2π in both), u = ln B_θ and ln B_sf (so the
 *       bandwidths stay positive), u = logit(2·sf0) (so 0 &lt; sf0 &lt; ½, below Nyquist). Nothing is clipped.</li>
 * </ol>
 *
 * <p>Image draws are derived from (seed, draw index) only, as the online-CDL learner's, and a checkpoint
 * holds the parameters and Adam's moments exactly, so a resumed run continues bit for bit as an
 * uninterrupted one. With a checkpoint directory the learner also writes {@value Trajectories#FILE_NAME}
 * there: each kernel's parameters at step 0 and every {@code recordEvery} steps.
 */
public final class ParametricLogGabor implements DictionaryLearner, Checkpointable {
  /** The learner's YAML name. */
  public static final String NAME = "parametric-log-gabor";
  /** Weyl increment separating the per-draw generator seeds (SplittableRandom's golden gamma). */
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  /** Tolerance of the normalisation detection (max-abs or ℓ2 norm equal to 1). */
  private static final double NORM_TOLERANCE = 1e-9;
  private static final int P = LogGaborJacobian.PARAMETERS;

  private final ParametricLogGaborSettings settings;
  private final SparseSolver solver;
  private final String identity;
  private final long seed;
  private final Path checkpointDirectory;

  /**
   * Creates the learner.
   *
   * @param settings the settings
   * @param solver the solver that codes each image
   * @param identity what identifies the solver and the arithmetic for the checkpoint fingerprint (its settings
   *     and the precision): a checkpoint written with another identity is ignored
   * @param seed the run's seed
   */
  public ParametricLogGabor(ParametricLogGaborSettings settings, SparseSolver solver, String identity, long seed) {
    this(settings, solver, identity, seed, null);
  }

  private ParametricLogGabor(ParametricLogGaborSettings settings, SparseSolver solver, String identity, long seed,
      Path checkpoints) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.solver = Objects.requireNonNull(solver, "solver");
    this.identity = Objects.requireNonNull(identity, "identity");
    this.seed = seed;
    this.checkpointDirectory = checkpoints;
  }

  /**
   * The settings.
   *
   * @return the settings
   */
  public ParametricLogGaborSettings settings() {
    return settings;
  }

  @Override
  public ParametricLogGabor checkpointingTo(Path directory) {
    return new ParametricLogGabor(settings, solver, identity, seed, Objects.requireNonNull(directory, "directory"));
  }

  /**
   * Learns {@code settings.steps()} steps from the parameters of {@code initial}'s kernels; with a checkpoint
   * directory, resumes from a matching checkpoint found there (its objectives are reported to the listener
   * again first) and writes one every {@code checkpointEvery} steps and after the last.
   *
   * @return the learned dictionary, each kernel with its learned parameters as {@link KernelInfo}
   * @throws SparsecodeException when the initial dictionary is not a log-Gabor one (a kernel without
   *     parameters, an odd size) or its normalisation cannot be told, or the image source is empty
   */
  @Override
  public Dictionary learn(Dictionary initial, ImageSource images, LearnListener listener) {
    Objects.requireNonNull(listener, "listener");
    if (images.size() < 1) {
      throw new SparsecodeException(NAME + ": the image source is empty");
    }
    double[] params = parameters(initial);
    Normalisation norm = normalisation(initial, settings.normalise());
    LogGaborJacobian generator = new LogGaborJacobian(initial.size());
    int steps = settings.steps();
    int count = initial.count();
    String fingerprint = fingerprint(initial, images.size(), norm);
    double[] objective = new double[steps];
    double[] m = new double[params.length];
    double[] v = new double[params.length];
    List<double[]> records = new ArrayList<>();
    int start = 0;
    if (checkpointDirectory != null) {
      Optional<ParametricCheckpoint> cp = ParametricCheckpoint.read(checkpointDirectory);
      if (cp.isPresent() && cp.get().fingerprint().equals(fingerprint) && cp.get().step() <= steps
          && cp.get().parameters().length == params.length) {
        ParametricCheckpoint c = cp.get();
        start = c.step();
        params = c.parameters();
        m = c.firstMoment();
        v = c.secondMoment();
        System.arraycopy(c.objective(), 0, objective, 0, start);
        records.addAll(Trajectories.rows(c.trajectories()));
        for (int j = 0; j < start; j++) {
          listener.onStep(j, steps, objective[j]);
        }
      }
    }
    if (start == 0) {
      records.clear();
      Trajectories.record(records, 0, params, count);
    }
    int every = settings.checkpointEvery();
    for (int j = start; j < steps; j++) {
      ParametricStep s = step(generator, norm, params, m, v, draw(images, j), j);
      params = s.parameters();
      objective[j] = s.objective();
      if ((j + 1) % settings.recordEvery() == 0 || j + 1 == steps) {
        Trajectories.record(records, j + 1, params, count);
      }
      if (checkpointDirectory != null && every > 0 && ((j + 1) % every == 0 || j + 1 == steps)) {
        new ParametricCheckpoint(j + 1, params, m, v, Arrays.copyOf(objective, j + 1), Trajectories.flat(records),
            fingerprint).write(checkpointDirectory);
        Trajectories.write(Trajectories.file(checkpointDirectory), records);
      }
      listener.onStep(j, steps, s.objective());
    }
    if (checkpointDirectory != null) {
      Trajectories.write(Trajectories.file(checkpointDirectory), records);
    }
    return dictionary(generator, norm, params, count);
  }

  /**
   * One step from the given parameters on the given images: codes them, chains the data term's pixel
   * gradient to the parameters, and takes one Adam step (the moments are updated in place).
   *
   * @param generator the kernel generator of the dictionary's size
   * @param norm the kernels' normalisation
   * @param params the parameters, kernel-major, five per kernel ({@link LogGaborJacobian#NAMES}); not modified
   * @param m Adam's first moments (one per parameter), updated
   * @param v Adam's second moments, updated
   * @param batch the step's grey images
   * @param j the step index (Adam's bias correction uses j + 1)
   * @return the new parameters and the step's statistics
   */
  public ParametricStep step(LogGaborJacobian generator, Normalisation norm, double[] params, double[] m,
      double[] v, List<Image> batch, int j) {
    int count = params.length / P;
    int n = generator.size();
    int nn = n * n;
    double[] kernels = new double[count * nn];
    double[] jacobian = new double[count * P * nn];
    double[] one = new double[nn];
    double[] jac = new double[P * nn];
    double minMargin = 1.0;
    for (int k = 0; k < count; k++) {
      generator.evaluate(info(params, k), norm, one, jac);
      minMargin = Math.min(minMargin, generator.switchMargin());
      System.arraycopy(one, 0, kernels, k * nn, nn);
      System.arraycopy(jac, 0, jacobian, k * P * nn, P * nn);
    }
    Dictionary d = Dictionary.of(n, count, kernels);
    double[] pixelGradient = new double[count * nn];
    double obj = 0;
    double data = 0;
    int iterations = 0;
    for (Image image : batch) {
      CodingResult coded = solver.solve(d, image, SolveListener.NONE);
      IterationStats last = coded.stats().get(coded.stats().size() - 1);
      obj += last.objective();
      iterations += coded.iterations();
      data += DataTerm.evaluate(d, image, coded.code(), pixelGradient);
    }
    double[] gradient = parameterGradient(params, jacobian, pixelGradient, nn);
    double[] next = params.clone();
    boolean[] learned = settings.learned();
    double b1 = settings.beta1();
    double b2 = settings.beta2();
    double c1 = 1 - Math.pow(b1, j + 1);
    double c2 = 1 - Math.pow(b2, j + 1);
    double lr = settings.learningRate();
    double norm2 = 0;
    for (int k = 0; k < count; k++) {
      for (int a = 0; a < P; a++) {
        if (!learned[a]) {
          continue;
        }
        int i = k * P + a;
        double g = gradient[i];
        norm2 += g * g;
        m[i] = b1 * m[i] + (1 - b1) * g;
        v[i] = b2 * v[i] + (1 - b2) * g * g;
        double delta = lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-12);
        next[i] = fromUnconstrained(a, toUnconstrained(a, params[i]) - delta);
      }
    }
    return new ParametricStep(j, next, obj, data, Math.sqrt(norm2), iterations, minMargin);
  }

  /**
   * The gradient of the data term with respect to the unconstrained coordinates of every parameter.
   *
   * @param params the parameters
   * @param jacobian per kernel {@code P · N²} derivatives
   * @param pixelGradient per kernel N² pixel derivatives
   * @param nn N²
   * @return one value per parameter
   */
  static double[] parameterGradient(double[] params, double[] jacobian, double[] pixelGradient, int nn) {
    int count = params.length / P;
    double[] out = new double[params.length];
    for (int k = 0; k < count; k++) {
      for (int a = 0; a < P; a++) {
        double s = 0;
        int jb = (k * P + a) * nn;
        int gb = k * nn;
        for (int i = 0; i < nn; i++) {
          s += pixelGradient[gb + i] * jacobian[jb + i];
        }
        out[k * P + a] = s * chain(a, params[k * P + a]);
      }
    }
    return out;
  }

  /** d(parameter)/d(unconstrained coordinate) at the parameter's value. */
  static double chain(int a, double p) {
    return switch (a) {
      case LogGaborJacobian.B_THETA, LogGaborJacobian.BSF -> p;
      case LogGaborJacobian.SF0 -> p * (1 - 2 * p);
      default -> 1.0;
    };
  }

  /** The unconstrained coordinate of a parameter value. */
  static double toUnconstrained(int a, double p) {
    return switch (a) {
      case LogGaborJacobian.B_THETA, LogGaborJacobian.BSF -> Math.log(p);
      case LogGaborJacobian.SF0 -> Math.log(2 * p / (1 - 2 * p));
      default -> p;
    };
  }

  /** The parameter value of an unconstrained coordinate; angles wrapped into [0, 2π). */
  static double fromUnconstrained(int a, double u) {
    return switch (a) {
      case LogGaborJacobian.B_THETA, LogGaborJacobian.BSF -> Math.exp(u);
      case LogGaborJacobian.SF0 -> 0.5 / (1 + Math.exp(-u));
      default -> wrap(u);
    };
  }

  /**
   * An angle in [0, 2π).
   *
   * @param angle radians
   * @return the same angle modulo 2π
   */
  static double wrap(double angle) {
    double t = angle % (2 * Math.PI);
    if (t < 0) {
      t += 2 * Math.PI;
    }
    return t >= 2 * Math.PI ? 0.0 : t;
  }

  /**
   * The kernel parameters of a dictionary, kernel-major, five per kernel in the order of
   * {@link LogGaborJacobian#NAMES}.
   *
   * @param d a log-Gabor dictionary
   * @return the parameters
   * @throws SparsecodeException when a kernel has no parameters or the size is odd
   */
  public static double[] parameters(Dictionary d) {
    if (d.size() % 2 != 0) {
      throw new SparsecodeException(NAME + " learns log-Gabor kernels, whose size must be even; the dictionary's"
          + " kernels are " + d.size() + "x" + d.size());
    }
    double[] out = new double[d.count() * P];
    for (int k = 0; k < d.count(); k++) {
      KernelInfo p = d.info().get(k);
      if (!p.isKnown() || !Double.isFinite(p.sf0()) || !Double.isFinite(p.bsf()) || !Double.isFinite(p.phase())) {
        throw new SparsecodeException(NAME + " learns the parameters of log-Gabor kernels, but kernel " + k
            + " of the initial dictionary has none (a dictionary read from a file or drawn at random); use"
            + " dictionary: {type: log-gabor, ...}");
      }
      out[k * P + LogGaborJacobian.THETA] = wrap(p.theta());
      out[k * P + LogGaborJacobian.B_THETA] = p.bTheta();
      out[k * P + LogGaborJacobian.SF0] = p.sf0();
      out[k * P + LogGaborJacobian.BSF] = p.bsf();
      out[k * P + LogGaborJacobian.PHASE] = wrap(p.phase());
    }
    return out;
  }

  /**
   * The kernel normalisation: the configured one, or for {@code auto} the initial dictionary's.
   *
   * @param d the initial dictionary
   * @param setting {@code auto}, {@code peak} or {@code unit-l2}
   * @return the normalisation
   * @throws SparsecodeException for {@code auto} when the kernels are neither all peak-1 nor all unit-ℓ2
   */
  public static Normalisation normalisation(Dictionary d, String setting) {
    if (!"auto".equals(setting)) {
      return Normalisation.of(setting);
    }
    boolean peak = true;
    boolean l2 = true;
    for (int k = 0; k < d.count(); k++) {
      double[] kernel = d.kernel(k);
      double max = 0;
      for (double x : kernel) {
        max = Math.max(max, Math.abs(x));
      }
      peak &= Math.abs(max - 1) <= NORM_TOLERANCE;
      l2 &= Math.abs(d.norm(k) - 1) <= NORM_TOLERANCE;
    }
    if (peak) {
      return Normalisation.PEAK;
    }
    if (l2) {
      return Normalisation.UNIT_L2;
    }
    throw new SparsecodeException(NAME + ": the initial dictionary's kernels are neither all of max-abs 1 nor all"
        + " of l2 norm 1; set learning.normalise to peak or unit-l2");
  }

  /**
   * The kernel parameters of kernel k.
   *
   * @param params kernel-major parameters
   * @param k the kernel
   * @return its {@link KernelInfo}
   */
  public static KernelInfo info(double[] params, int k) {
    int b = k * P;
    return new KernelInfo(params[b + LogGaborJacobian.THETA], params[b + LogGaborJacobian.B_THETA],
        params[b + LogGaborJacobian.PHASE], params[b + LogGaborJacobian.SF0], params[b + LogGaborJacobian.BSF]);
  }

  /**
   * The dictionary of given parameters.
   *
   * @param generator the generator of the kernel size
   * @param norm the normalisation
   * @param params kernel-major parameters
   * @param count the number of kernels
   * @return the kernels with their parameters
   */
  public static Dictionary dictionary(LogGaborJacobian generator, Normalisation norm, double[] params, int count) {
    int nn = generator.size() * generator.size();
    double[] kernels = new double[count * nn];
    double[] one = new double[nn];
    List<KernelInfo> info = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      KernelInfo p = info(params, k);
      generator.evaluate(p, norm, one, null);
      System.arraycopy(one, 0, kernels, k * nn, nn);
      info.add(p);
    }
    return new Dictionary(generator.size(), count, kernels, info);
  }

  /**
   * The images of step j, drawn as the online-CDL learner draws them: source index {@code (j · minibatch + b)
   * mod n} ({@code sequential}) or uniform with replacement from a generator seeded by (seed, j · minibatch + b),
   * which also places the crop.
   *
   * @param images the source
   * @param j the step index
   * @return the minibatch
   */
  public List<Image> draw(ImageSource images, int j) {
    int n = images.size();
    int mb = settings.minibatch();
    List<Image> batch = new ArrayList<>(mb);
    for (int b = 0; b < mb; b++) {
      long t = (long) j * mb + b;
      SplittableRandom rng = new SplittableRandom(new SplittableRandom(seed + t * GOLDEN_GAMMA).nextLong());
      int index = "random".equals(settings.imageOrder()) ? rng.nextInt(n) : (int) (t % n);
      batch.add(crop(images.get(index), rng));
    }
    return batch;
  }

  private Image crop(Image image, SplittableRandom rng) {
    if (!image.isGrey()) {
      throw new SparsecodeException(NAME + " codes grey images; image " + image.id() + " has " + image.channels()
          + " channels: add a grey conversion to images.preprocess");
    }
    int c = settings.cropSize();
    if (c == 0) {
      return image;
    }
    if (c > image.width() || c > image.height()) {
      throw new SparsecodeException(NAME + ": learning.crop " + c + " is larger than image " + image.id() + " ("
          + image.height() + "x" + image.width() + ")");
    }
    int y0 = rng.nextInt(image.height() - c + 1);
    int x0 = rng.nextInt(image.width() - c + 1);
    double[] px = new double[c * c];
    for (int y = 0; y < c; y++) {
      System.arraycopy(image.pixels(), (y0 + y) * image.width() + x0, px, y * c, c);
    }
    return Image.grey(image.id() + "@" + y0 + "," + x0, c, c, px);
  }

  /** What determines the run except its length and checkpoint period: a resumed run must match it. */
  private String fingerprint(Dictionary initial, int imageCount, Normalisation norm) {
    ParametricLogGaborSettings s = settings;
    String text = NAME + "|" + new ParametricLogGaborSettings(1, s.solver(), s.learn(), s.learningRate(), s.beta1(),
        s.beta2(), s.normalise(), s.imageOrder(), s.minibatch(), s.crop(), 0, s.recordEvery()) + "|" + identity
        + "|norm=" + norm + "|seed=" + seed + "|images=" + imageCount + "|kernels=" + initial.count() + "x"
        + initial.size() + "|info=" + initial.info();
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(text.getBytes(StandardCharsets.UTF_8));
      ByteBuffer buf = ByteBuffer.allocate(8 * initial.kernels().length);
      buf.asDoubleBuffer().put(initial.kernels());
      md.update(buf.array());
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
