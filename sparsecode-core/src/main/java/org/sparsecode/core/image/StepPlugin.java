package org.sparsecode.core.image;

import org.sparsecode.api.Plugin;
import org.sparsecode.api.image.ImagePreprocessor;

/** Common part of the preprocessing-step plugins: the role and a checked settings cast. */
abstract class StepPlugin implements Plugin<ImagePreprocessor> {

  @Override
  public final Class<ImagePreprocessor> role() {
    return ImagePreprocessor.class;
  }

  /** Casts the settings, failing with a message that names the plugin and the expected record. */
  final <S extends Record> S cast(Record settings, Class<S> type) {
    if (!type.isInstance(settings)) {
      throw new IllegalArgumentException(name() + " expects " + type.getSimpleName() + ", got "
          + (settings == null ? "null" : settings.getClass().getName()));
    }
    return type.cast(settings);
  }
}
