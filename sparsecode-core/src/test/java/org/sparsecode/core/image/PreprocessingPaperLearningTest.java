package org.sparsecode.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImagePreprocessor;

class PreprocessingPaperLearningTest {
  private static final PluginContext CONTEXT = PluginContext.defaults(Precision.FLOAT64);

  @Test
  void paperLearningIsCropResizeGreyScaleWhitenLcnMask() {
    ImagePreprocessor p = Preprocessing.build(Preprocessing.PAPER_LEARNING, 64, CONTEXT);
    assertThat(p).isInstanceOf(Pipeline.class);
    List<String> names = ((Pipeline) p).steps().stream().map(s -> s.getClass().getSimpleName()).toList();
    assertThat(names).containsExactly("CenterCrop", "Resize", "Grey", "Scale", "OlshausenWhitening",
        "LocalContrastNormalisation", "CircularMask");
  }

  @Test
  void paperLearningSpelledAsAListOfStepsGivesTheSameImage() {
    Image coffee = Resources.photo("coffee.png");
    Image preset = Preprocessing.build("paper-learning", 48, CONTEXT).apply(coffee);
    Image steps = Preprocessing.build(
        List.of("center-crop", "resize", "grey", "scale", "whiten", "lcn", "circular-mask"), 48, CONTEXT)
        .apply(coffee);
    assertThat(preset).isEqualTo(steps);
  }

  @Test
  void paperLearningOnAnEmbeddedImageIsFiniteWithZeroCorners() {
    int n = 64;
    Image out = Preprocessing.build("paper-learning", n, CONTEXT).apply(Resources.photo("coffee.png"));
    assertThat(out.width()).isEqualTo(n);
    assertThat(out.height()).isEqualTo(n);
    assertThat(out.channels()).isEqualTo(1);
    double[] px = out.pixels();
    for (double v : px) {
      assertThat(Double.isFinite(v)).isTrue();
    }
    // (-0.0 where the LCN output is negative, as numpy gives)
    for (double corner : new double[] {px[0], px[n - 1], px[(n - 1) * n], px[n * n - 1]}) {
      assertThat(Math.abs(corner)).isEqualTo(0.0);
    }
    // the centre survives the mask: the image is not all zero there
    double centre = 0;
    for (int i = n / 2 - 4; i < n / 2 + 4; i++) {
      for (int j = n / 2 - 4; j < n / 2 + 4; j++) {
        centre += Math.abs(px[i * n + j]);
      }
    }
    assertThat(centre).isGreaterThan(0.0);
  }
}
