package org.sparsecode.learning.online;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.learning.DictionaryLearner;
import org.sparsecode.core.plugin.TypedPlugin;

/** The {@code online-cdl} plugin: {@link OnlineCdl} configured by {@link OnlineCdlSettings}. */
public final class OnlineCdlPlugin extends TypedPlugin<DictionaryLearner, OnlineCdlSettings> {

  /** Creates the plugin (ServiceLoader). */
  public OnlineCdlPlugin() {
    super("online-cdl", DictionaryLearner.class, OnlineCdlSettings.class,
        "online convolutional dictionary learning (SPORCO OnlineConvBPDNDictLearn, the paper's learning)");
  }

  @Override
  protected DictionaryLearner build(OnlineCdlSettings s, PluginContext context) {
    return new OnlineCdl(s, context);
  }
}
