package org.sparsecode.core.image;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.ImagePreprocessor;
import org.sparsecode.core.plugin.TypedPlugin;

/**
 * The paper's learning path, {@code paper-learning} ({@link Preprocessing#paperLearning(int)}), as a plugin,
 * so that {@code sparsecode plugins} lists it beside the steps it is made of. Its {@code size} (see
 * {@link ResizeSettings}) is the source's {@code size} when left out.
 */
public final class PaperLearningPlugin extends TypedPlugin<ImagePreprocessor, ResizeSettings> {

  /** Creates the plugin (ServiceLoader). */
  public PaperLearningPlugin() {
    super(Preprocessing.PAPER_LEARNING, ImagePreprocessor.class, ResizeSettings.class,
        "the paper's learning path: center-crop, resize to size, grey, scale 1/255, whiten, lcn n = 7, "
            + "circular-mask");
  }

  @Override
  protected ImagePreprocessor build(ResizeSettings settings, PluginContext context) {
    return Preprocessing.paperLearning(settings.size());
  }
}
