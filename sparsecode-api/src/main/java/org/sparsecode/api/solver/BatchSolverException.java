package org.sparsecode.api.solver;

import java.util.Objects;

/**
 * The failure of one image of a {@link BatchSolver}'s batch: a {@link SolverException} that says which image
 * stopped the call, so that a caller can name it as it would after a solve of that image alone.
 */
public class BatchSolverException extends SolverException {
  private static final long serialVersionUID = 1L;

  private final int imageIndex;
  private final String imageId;

  /**
   * Creates the exception.
   *
   * @param imageIndex the image's position in the list given to {@link BatchSolver#solveBatch}, from 0
   * @param imageId the image's id
   * @param iteration the iteration at which the problem appeared (from 0), or -1 before the first
   * @param message what happened
   */
  public BatchSolverException(int imageIndex, String imageId, int iteration, String message) {
    super(iteration, message);
    this.imageIndex = imageIndex;
    this.imageId = Objects.requireNonNull(imageId, "imageId");
  }

  /**
   * The image's position in the list given to the solver.
   *
   * @return from 0
   */
  public int imageIndex() {
    return imageIndex;
  }

  /**
   * The image's id.
   *
   * @return the id
   */
  public String imageId() {
    return imageId;
  }

  /**
   * What happened, without the image: the message a solve of that image alone would have had.
   *
   * @return {@code iteration k: ...}
   */
  public String detail() {
    return super.getMessage();
  }

  @Override
  public String getMessage() {
    return "image '" + imageId + "': " + super.getMessage();
  }
}
