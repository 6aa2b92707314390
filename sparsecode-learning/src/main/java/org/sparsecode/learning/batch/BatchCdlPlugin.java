package org.sparsecode.learning.batch;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.learning.DictionaryLearner;
import org.sparsecode.core.plugin.TypedPlugin;

/** The {@code batch-cdl} plugin: {@link BatchCdl} configured by {@link BatchCdlSettings}. */
public final class BatchCdlPlugin extends TypedPlugin<DictionaryLearner, BatchCdlSettings> {

  /** Creates the plugin (ServiceLoader). */
  public BatchCdlPlugin() {
    super("batch-cdl", DictionaryLearner.class, BatchCdlSettings.class,
        "batch CDL on a small fixed image set: CBPDN + constrained MOD by ADMM (SPORCO ConvBPDNDictLearn)");
  }

  @Override
  protected DictionaryLearner build(BatchCdlSettings s, PluginContext context) {
    return new BatchCdl(s, context.precision(), context.threads());
  }
}
