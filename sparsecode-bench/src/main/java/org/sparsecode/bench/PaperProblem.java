package org.sparsecode.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.io.DictionaryFiles;
import org.sparsecode.core.io.Npy;
import org.sparsecode.core.io.NpyArray;

/**
 * The paper's coding problem at full size, from the reference fixtures bundled as resources: the 144
 * heterogeneous log-Gabor kernels of 12 × 12 ({@code dict_full_D.npy}) and the LCN'd 256 × 256 camera image
 * ({@code img_camera_lcn256.npy}), the same arrays SPORCO is timed on.
 */
public final class PaperProblem {
  private PaperProblem() {}

  private static NpyArray resource(String name) {
    try (InputStream in = PaperProblem.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource /fixtures/" + name);
      }
      return Npy.read(in, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The worker threads a benchmark's {@code threads} parameter asks for.
   *
   * @param requested the parameter; 0 (or less) means all available processors
   * @return the thread count, at least 1
   */
  public static int threads(int requested) {
    return requested > 0 ? requested : Runtime.getRuntime().availableProcessors();
  }

  /**
   * The dictionary.
   *
   * @return 144 kernels of 12 × 12
   */
  public static Dictionary dictionary() {
    return DictionaryFiles.fromArray(resource("dict_full_D.npy"), "dict_full_D.npy");
  }

  /**
   * The image.
   *
   * @return the 256 × 256 grey image
   */
  public static Image image() {
    NpyArray a = resource("img_camera_lcn256.npy");
    return Image.grey("camera", a.dim(1), a.dim(0), a.data());
  }
}
