package org.sparsecode.api.solver;

import java.util.List;
import java.util.Map;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;

/**
 * A solver that codes several images in one call (a batch), for devices where the batch axis is where the
 * speed is (a GPU multiplies one large matrix faster than many small ones). The run engine hands such a
 * solver up to {@link #batchSize()} images at a time instead of one per call; everything else about a run
 * (its results, outputs, resumption, one progress line per image) is unchanged.
 *
 * <p>Laws, besides {@link SparseSolver}'s:
 * <ul>
 *   <li>each image's result is the one {@link #solve} gives it alone (up to the rounding of the device's
 *       arithmetic): stopping is per image, so an image that meets its stopping test is frozen there and keeps
 *       its iteration count while the others go on;
 *   <li>the results are in the order of the images, and each image's listener receives that image's rows, in
 *       order (the rows of different images may interleave);
 *   <li>any number of images may be given; the solver codes them {@link #batchSize()} at a time, in order;
 *   <li>the inputs are not modified;
 *   <li>a NaN or infinite value stops the call with a {@link BatchSolverException} naming the image (its id and
 *       its position in the list) and the iteration.
 * </ul>
 */
public interface BatchSolver extends SparseSolver {

  /**
   * The number of images this solver codes at once (its {@code batch} setting).
   *
   * @return at least 1
   */
  int batchSize();

  /**
   * Codes several images.
   *
   * @param dictionary the kernels
   * @param images grey images, each at least as large as the kernels
   * @param listeners one listener per image, receiving that image's statistics rows
   * @return one result per image, in the images' order
   * @throws BatchSolverException if an image's iteration produces NaN or Inf, naming the image
   * @throws IllegalArgumentException if an image is not grey or smaller than the kernels, or the lists'
   *     lengths differ
   */
  List<CodingResult> solveBatch(Dictionary dictionary, List<Image> images, List<SolveListener> listeners);

  /**
   * A batch of one.
   *
   * @param dictionary the kernels
   * @param image a grey image at least as large as the kernels
   * @param listener receives every iteration's statistics
   * @return the code and its iteration table
   */
  @Override
  default CodingResult solve(Dictionary dictionary, Image image, SolveListener listener) {
    return solveBatch(dictionary, List.of(image), List.of(listener)).get(0);
  }

  /**
   * What the solves run on, for the run's provenance: for example {@code library}, {@code backend},
   * {@code device} and {@code dtype}.
   *
   * @return names and values, empty when there is nothing to record
   */
  default Map<String, String> device() {
    return Map.of();
  }
}
