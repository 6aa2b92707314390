package org.sparsecode.eval.metric;

/** The {@code psnr} metric: {@link Measures#psnr}, in dB, peak = max − min of the coded image. */
public final class PsnrPlugin extends MetricPlugin {

  /** Creates the plugin (used by {@link java.util.ServiceLoader}). */
  public PsnrPlugin() {
    super("psnr",
        "PSNR in dB, peak = range of the image (SPORCO metric.psnr); higher is better, +Infinity "
            + "if exact",
        e -> Measures.psnr(e.image(), e.reconstruction()));
  }
}
