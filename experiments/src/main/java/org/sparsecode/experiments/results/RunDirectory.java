package org.sparsecode.experiments.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.io.AtomicFiles;
import org.sparsecode.core.io.DictionaryFiles;
import org.sparsecode.core.io.Npz;
import org.sparsecode.learning.checkpoint.LearningCheckpoint;

/**
 * The output store of one run: a directory whose every file is written atomically (temporary file and
 * rename, {@link AtomicFiles}), so that a reader, or a run killed at any moment, never sees a half-written
 * file.
 */
public final class RunDirectory {
  /** The results file; its {@code status} says whether the run finished. */
  public static final String RESULTS = "results.json";
  /** One row per image. */
  public static final String METRICS = "metrics.csv";
  /** The dictionary used for coding, a float64 {@code (k, k, K)} array. */
  public static final String DICTIONARY = "dictionary.npy";
  /** The resolved configuration. */
  public static final String CONFIG = "config.yaml";
  /** A variants file's summary. */
  public static final String SUMMARY = "summary.json";
  /** A variants file's comparison table, CSV. */
  public static final String COMPARISON_CSV = "comparison.csv";
  /** A variants file's comparison table, Markdown. */
  public static final String COMPARISON_MD = "comparison.md";
  /** The dictionary's kernels drawn as tiles (PNG). */
  public static final String DICTIONARY_PNG = "dictionary.png";
  /** A variants file's PSNR-against-sparseness scatter plot, one point per image (PNG). */
  public static final String PSNR_PLOT = "psnr-vs-sparseness.png";
  /** A variants file's solve time per image per variant (PNG). */
  public static final String SECONDS_PLOT = "seconds.png";
  /** The learner's objective per step (PNG); in a variants file's directory, one curve per variant. */
  public static final String LEARNING_OBJECTIVE_PNG = "learning-objective.png";
  /** The log-Gabor re-fit of a learned dictionary, one row per atom (CSV, angles in radians). */
  public static final String REFIT_CSV = "refit.csv";
  /** The (θ, B_θ) histogram of the re-fit (CSV, radians). */
  public static final String REFIT_HISTOGRAM_CSV = "refit-histogram.csv";
  /** The whole re-fit: settings, per-atom fits, histogram (JSON). */
  public static final String REFIT_JSON = "refit.json";
  /** The re-fit's B_θ histogram and (θ, B_θ) scatter of the atoms (PNG). */
  public static final String ORIENTATION_PNG = "orientation-bandwidth.png";
  /** The parametric learner's per-kernel parameters per recorded step (CSV, radians, cycles per pixel). */
  public static final String TRAJECTORIES_CSV = org.sparsecode.learning.parametric.Trajectories.FILE_NAME;
  /** The parametric learner's kernel paths in the (θ, B_θ) plane (PNG). */
  public static final String PARAMETER_PATHS_PNG = "parameter-paths.png";
  /**
   * The coefficient statistics of the images coded so far, one contribution per image (.npz, sparsecode-eval's
   * {@code CoefficientPool}), which a resumed run restores; deleted once {@link #RESULTS} says complete.
   */
  public static final String PARTIAL_SUMS = "coefficients-partial.npz";
  /**
   * The learned dictionary with its kernels' parameters, while a learning run codes (deleted at the end): a run
   * resumed after its learning finished codes with it instead of learning again.
   */
  public static final String LEARNED = "learned-dictionary.npz";
  /** Prefix of the reconstruction panel of the first image, {@code reconstruction-<id>.png}. */
  public static final String RECONSTRUCTION_PREFIX = "reconstruction-";

  private final Path root;

  /**
   * Creates the store; nothing is touched on disk until {@link #create()}.
   *
   * @param root the directory
   */
  public RunDirectory(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * The directory.
   *
   * @return its absolute path
   */
  public Path root() {
    return root;
  }

  /**
   * A file in the directory.
   *
   * @param name the file name
   * @return its path
   */
  public Path file(String name) {
    return root.resolve(name);
  }

  /**
   * The store of a variant, {@code DIR/<variant>/}.
   *
   * @param variant the variant's name
   * @return the sub-store
   */
  public RunDirectory child(String variant) {
    return new RunDirectory(root.resolve(variant));
  }

  /**
   * Creates the directory (and its parents), checks it can be written, and deletes the temporary files that
   * atomic writes of an earlier run, killed in the middle of one, left there ({@link
   * AtomicFiles#deleteTemporaries}): a run owns its directory, so no write of another process is in progress.
   *
   * @throws SparsecodeException naming the directory and the reason
   */
  public void create() {
    for (Path p = root.getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p) && !Files.isDirectory(p)) {
        throw new SparsecodeException("cannot create output directory " + root + ": " + p
            + " is a file, not a directory");
      }
    }
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new SparsecodeException("cannot create output directory " + root + ": " + reason(e), e);
    }
    if (!Files.isWritable(root)) {
      throw new SparsecodeException("cannot write to output directory " + root + ": permission denied");
    }
    removeTemporaries();
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.FileAlreadyExistsException f) {
      return f.getFile() + " exists and is not a directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException a) {
      return "permission denied on " + a.getFile();
    }
    String msg = e.getMessage();
    return msg == null ? e.getClass().getSimpleName() : msg;
  }

  /**
   * Deletes the temporary files that atomic writes killed before their rename left in the directory, not in
   * its sub-directories ({@link AtomicFiles#deleteTemporaries}). Only the directory's writer may call this.
   *
   * @throws SparsecodeException naming the directory or file when one cannot be listed or deleted
   */
  public void removeTemporaries() {
    AtomicFiles.deleteTemporaries(root);
  }

  /**
   * Tidies a directory that holds a finished run, left as it is otherwise: a run killed right after writing
   * its complete {@link #RESULTS} can leave temporary files and {@link #PARTIAL_SUMS}, which only an
   * unfinished run needs. Does nothing when the directory holds no finished run.
   *
   * @throws SparsecodeException when a file cannot be deleted
   */
  public void removeLeftovers() {
    if (isComplete()) {
      removeTemporaries();
      delete(file(PARTIAL_SUMS));
      delete(file(LEARNED));
    }
  }

  /**
   * The file name of an image's reconstruction panel: {@code reconstruction-<id>.png}, with characters
   * other than letters, digits, {@code .}, {@code _} and {@code -} in the id replaced by {@code _}.
   *
   * @param imageId the image's id
   * @return the file name
   */
  public static String reconstructionPng(String imageId) {
    return RECONSTRUCTION_PREFIX + imageId.replaceAll("[^A-Za-z0-9._-]", "_") + ".png";
  }

  /**
   * Writes a text file atomically.
   *
   * @param name the file name
   * @param text the content (UTF-8)
   */
  public void writeString(String name, String text) {
    AtomicFiles.writeString(file(name), text);
  }

  /**
   * Writes {@link #DICTIONARY} atomically.
   *
   * @param dictionary the dictionary
   */
  public void writeDictionary(Dictionary dictionary) {
    DictionaryFiles.write(file(DICTIONARY), dictionary);
  }

  /**
   * Writes {@link #LEARNED} atomically: the kernels as {@link #DICTIONARY} holds them and, per kernel, θ, B_θ,
   * phase, f₀ and B_f (NaN where unknown), which {@link #DICTIONARY} leaves out and the orientation statistics
   * need.
   *
   * @param dictionary the learned dictionary
   */
  public void writeLearned(Dictionary dictionary) {
    Npz.write(file(LEARNED), java.util.Map.of("kernels", DictionaryFiles.toArray(dictionary),
        "info", DictionaryFiles.infoArray(dictionary)));
  }

  /**
   * Reads {@link #LEARNED}, the dictionary {@link #writeLearned} wrote, bit for bit.
   *
   * @return the dictionary, empty when the file is missing or unreadable
   */
  public Optional<Dictionary> readLearned() {
    Path f = file(LEARNED);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      var arrays = Npz.read(f);
      return Optional.of(DictionaryFiles.withInfo(DictionaryFiles.fromArray(arrays.get("kernels"), f.toString()),
          arrays.get("info").data()));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The results of a configuration's finished learning stage, when this directory holds them: {@link #RESULTS}
   * of a run in progress of that configuration with a learning block, and a readable {@link #LEARNED}.
   *
   * @param configSha256 the configuration's hash
   * @return the run in progress, empty when there is none (or it cannot be read)
   */
  public Optional<RunResult> learningStage(String configSha256) {
    try {
      return results().filter(r -> RunResult.RUNNING.equals(r.status()) && configSha256.equals(r.configSha256())
          && r.learning() != null && readLearned().isPresent());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads {@link #RESULTS} if present ({@link ResultsJson#read(Path)}).
   *
   * @return the result, empty when the file does not exist
   * @throws SparsecodeException naming the file (and the key) when it exists but cannot be read or parsed
   */
  public Optional<RunResult> results() {
    Path f = file(RESULTS);
    return Files.isRegularFile(f) ? Optional.of(ResultsJson.read(f)) : Optional.empty();
  }

  /**
   * Whether the directory holds a finished run: a {@link #RESULTS} whose {@code status} is
   * {@code complete}. An unreadable or corrupt file counts as unfinished.
   *
   * @return {@code true} for a finished run
   */
  public boolean isComplete() {
    try {
      return results().map(r -> RunResult.COMPLETE.equals(r.status())).orElse(false);
    } catch (SparsecodeException e) {
      return false;
    }
  }

  /**
   * The files the analyses of a run or a study write besides the core ones above (report, comparison.json,
   * coefficient statistics, study plots), deleted by {@link #clearRunFiles()} too.
   */
  public static final List<String> ANALYSIS_FILES = List.of("report.html", "comparison.json",
      "psnr-distribution.png", "sparseness-distribution.png", "resilience.png", "coefficients.json",
      PARTIAL_SUMS, "coefficient-histogram.csv", "coefficient-histogram.png",
      "orientation-activity.csv", "orientation-activity.png", "energy-btheta.png");

  /**
   * Deletes the files a run writes (for {@code --force}); other files are left alone. {@link #RESULTS}
   * goes first, so that a run killed while starting over never looks finished.
   *
   * @throws SparsecodeException when a file cannot be deleted
   */
  public void clearRunFiles() {
    for (String name : new String[] {RESULTS, SUMMARY, METRICS, DICTIONARY, CONFIG, COMPARISON_CSV,
        COMPARISON_MD, DICTIONARY_PNG, PSNR_PLOT, SECONDS_PLOT, LEARNING_OBJECTIVE_PNG, REFIT_CSV,
        REFIT_HISTOGRAM_CSV, REFIT_JSON, ORIENTATION_PNG, LEARNED, LearningCheckpoint.FILE_NAME, TRAJECTORIES_CSV,
        PARAMETER_PATHS_PNG, org.sparsecode.learning.parametric.ParametricCheckpoint.FILE_NAME}) {
      delete(file(name));
    }
    for (String name : ANALYSIS_FILES) {
      delete(file(name));
    }
    if (Files.isDirectory(root)) {
      try (var files = Files.newDirectoryStream(root, RECONSTRUCTION_PREFIX + "*.png")) {
        for (Path p : files) {
          delete(p);
        }
      } catch (IOException e) {
        throw new SparsecodeException("cannot list " + root + ": " + reason(e), e);
      }
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new SparsecodeException("cannot delete " + file + ": " + reason(e), e);
    }
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
