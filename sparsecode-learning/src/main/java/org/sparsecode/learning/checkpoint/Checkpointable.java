package org.sparsecode.learning.checkpoint;

import java.nio.file.Path;
import org.sparsecode.api.learning.DictionaryLearner;

/**
 * A dictionary learner that can checkpoint its progress to a directory and resume from it. The run engine
 * passes the run directory; a learner without this interface simply runs from the start every time.
 */
public interface Checkpointable {

  /**
   * A copy of this learner that writes its checkpoints to, and resumes from, {@code directory}.
   *
   * @param directory the directory of the checkpoint file (created when needed)
   * @return the checkpointing learner
   */
  DictionaryLearner checkpointingTo(Path directory);
}
