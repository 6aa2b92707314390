package org.sparsecode.learning.online;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SparseCode;

/**
 * The heavy part of an online-CDL dictionary step: the gradient of the data term ½‖Σ_k d_k * x_k − s‖² of a
 * step's images, with their codes fixed, with respect to the kernel pixels, summed over the minibatch. {@link
 * #cpu()} computes it in the DFT domain image by image ({@link DataTermGradient}); another backend (batched FFTs
 * on an accelerator, say) takes its place with {@link OnlineCdl#withDictionaryGradient}, or is found for the
 * learner's solver through a {@link DictionaryGradientProvider}. The step size, the update and the projection
 * onto unit-norm kernels stay in {@link OnlineCdl}.
 */
@FunctionalInterface
public interface DictionaryGradient {

  /**
   * Adds the step's gradient to {@code gradient}.
   *
   * @param d the dictionary the images were coded with
   * @param images the step's grey images
   * @param codes their codes, in the same order
   * @param gradient kernel-major ({@link Dictionary#kernels()}), {@code count · k²} values, added to
   * @return L_D and the energy outside the k×k blocks, each summed over the images in their order (the value
   *     NaN)
   */
  DataTermGradient.Sums accumulate(Dictionary d, List<Image> images, List<SparseCode> codes, double[] gradient);

  /**
   * What computes the gradient, for the run's log and results: at least {@code backend}.
   *
   * @return e.g. {@code backend: cpu, engine: sparsecode-core FFT, dtype: float64}
   */
  default Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("backend", "cpu");
    m.put("engine", "sparsecode-core FFT, image by image");
    m.put("dtype", "float64");
    return m;
  }

  /**
   * The CPU backend: {@link DataTermGradient#accumulate} image after image.
   *
   * @return the gradient of the core FFT engine
   */
  static DictionaryGradient cpu() {
    return (d, images, codes, gradient) -> {
      double lipschitz = 0;
      double outside = 0;
      for (int i = 0; i < images.size(); i++) {
        DataTermGradient.Sums g = DataTermGradient.accumulate(d, images.get(i), codes.get(i), gradient, false);
        lipschitz += g.lipschitz();
        outside += g.outsideEnergy();
      }
      return new DataTermGradient.Sums(Double.NaN, lipschitz, outside);
    };
  }
}
