package org.sparsecode.experiments.testplugins;

import org.sparsecode.api.Checks;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImageSource;

/**
 * Test images for the run engine ({@code type: engine-test-images}): {@code count} deterministic grey
 * images of {@code size × size}, named {@code img0}, {@code img1}, ...
 */
public final class EngineTestImagesPlugin implements Plugin<ImageSource> {

  /**
   * Settings.
   *
   * @param count number of images, default 2
   * @param size side in pixels, default 8
   * @param channels 1 (grey, default) or 3
   */
  public record Settings(Integer count, Integer size, Integer channels) {
    /** Defaults and checks. */
    public Settings {
      count = Checks.atLeast("count", count == null ? 2 : count, 0);
      size = Checks.atLeast("size", size == null ? 8 : size, 1);
      channels = channels == null ? 1 : channels;
    }
  }

  @Override
  public String name() {
    return "engine-test-images";
  }

  @Override
  public Class<ImageSource> role() {
    return ImageSource.class;
  }

  @Override
  public Class<? extends Record> settings() {
    return Settings.class;
  }

  @Override
  public ImageSource create(Record settings, PluginContext context) {
    Settings s = (Settings) settings;
    return new ImageSource() {
      @Override
      public int size() {
        return s.count();
      }

      @Override
      public Image get(int index) {
        int n = s.size();
        double[] px = new double[s.channels() * n * n];
        for (int i = 0; i < px.length; i++) {
          px[i] = Math.sin(0.7 * i + index) + 0.1 * (i % 3);
        }
        return new Image("img" + index, n, n, s.channels(), px);
      }
    };
  }
}
