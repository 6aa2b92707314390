package org.sparsecode.core.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.kernel.KernelGenerator;
import org.sparsecode.core.io.DictionaryFiles;
import org.sparsecode.core.plugin.TypedPlugin;

/**
 * The {@code npy-file} kernel generator: a dictionary read from a {@code (k, k, K)} {@code .npy} file
 * ({@link DictionaryFiles}), e.g. one written by an earlier run or by SPORCO. The file is read when the
 * generator is created, so that a missing or malformed file is reported before any work starts.
 */
public final class NpyFilePlugin extends TypedPlugin<KernelGenerator, NpyFileSettings> {

  /** Creates the plugin (ServiceLoader). */
  public NpyFilePlugin() {
    super("npy-file", KernelGenerator.class, NpyFileSettings.class,
        "a dictionary read from a (k, k, K) .npy file (SPORCO layout, kernel index last)");
  }

  /**
   * Reads the file.
   *
   * @throws ConfigException on key {@code path} naming the file when it is missing, unreadable, not a
   *     {@code .npy} file (bad magic, header or dtype; truncated), not a {@code (k, k, K)} array of square
   *     kernels, or holds an all-zero or non-finite kernel (its index given)
   */
  @Override
  protected KernelGenerator build(NpyFileSettings s, PluginContext context) {
    Path file = context.resolve(s.path());
    if (Files.isDirectory(file)) {
      throw new ConfigException("path", file + " is a directory, not a .npy dictionary file");
    }
    if (!Files.isRegularFile(file)) {
      String where = Path.of(s.path()).isAbsolute() ? "" : " (resolved against " + context.baseDirectory()
          .toAbsolutePath() + ")";
      throw new ConfigException("path", "dictionary file not found: " + file + where);
    }
    Dictionary d;
    try {
      d = DictionaryFiles.read(file);
    } catch (ConfigException e) {
      throw e;
    } catch (SparsecodeException e) {
      throw new ConfigException("path", e.getMessage());
    }
    Dictionary loaded = d;
    return () -> new Dictionary(loaded.size(), loaded.count(), loaded.kernels().clone(), loaded.info());
  }
}
