package org.sparsecode.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sparsecode.api.image.Image;
import org.sparsecode.core.io.NpyArray;

/**
 * The paper's preprocessing path against the reference fixtures (fixtures README §2 and §7: Pillow 9.4
 * BICUBIC resize, torchvision grey weights, / 255, SPORCO LCN n = 7 in float64).
 */
class PaperPreprocessingTest {
  private static final double TOL = 1e-12;

  private static Image raw256(String file) {
    Image img = Resources.photo(file);
    img = new CenterCrop().apply(img);
    img = new Resize(256).apply(img);
    img = new Grey().apply(img);
    return new Scale(ScaleSettings.DEFAULT_FACTOR).apply(img);
  }

  private static double[] crop64(Image img) {
    double[] out = new double[64 * 64];
    for (int y = 0; y < 64; y++) {
      System.arraycopy(img.pixels(), (96 + y) * img.width() + 96, out, y * 64, 64);
    }
    return out;
  }

  @Test
  void cameraReadCropResizeGreyScaleEqualsRaw256Fixture() {
    Image raw = raw256("camera.png");
    NpyArray ref = Resources.fixture("img_camera_raw256.npy");
    assertThat(raw.width()).isEqualTo(256);
    assertThat(raw.height()).isEqualTo(256);
    assertThat(Resources.maxAbsDiff(raw.pixels(), ref.data())).isLessThanOrEqualTo(TOL);
  }

  @Test
  void lcnOfRaw256EqualsLcn256Fixture() {
    NpyArray raw = Resources.fixture("img_camera_raw256.npy");
    Image out = new LocalContrastNormalisation(7).apply(Image.grey("camera", 256, 256, raw.data()));
    NpyArray ref = Resources.fixture("img_camera_lcn256.npy");
    assertThat(Resources.maxAbsDiff(out.pixels(), ref.data())).isLessThanOrEqualTo(TOL);
  }

  @Test
  void centralCropOfCameraLcnEqualsLcn64Fixture() {
    Image lcn = new LocalContrastNormalisation(7).apply(raw256("camera.png"));
    NpyArray ref = Resources.fixture("img_camera_lcn64.npy");
    assertThat(Resources.maxAbsDiff(crop64(lcn), ref.data())).isLessThanOrEqualTo(TOL);
  }

  @Test
  void coffeeRgbPathEqualsCoffeeLcn64Fixture() {
    Image lcn = new LocalContrastNormalisation(7).apply(raw256("coffee.png"));
    NpyArray ref = Resources.fixture("img_coffee_lcn64.npy");
    assertThat(Resources.maxAbsDiff(crop64(lcn), ref.data())).isLessThanOrEqualTo(TOL);
  }

  @Test
  void chelseaRgbPathEqualsChelseaLcn64Fixture() {
    Image lcn = new LocalContrastNormalisation(7).apply(raw256("chelsea.png"));
    NpyArray ref = Resources.fixture("img_chelsea_lcn64.npy");
    assertThat(Resources.maxAbsDiff(crop64(lcn), ref.data())).isLessThanOrEqualTo(TOL);
  }

  @Test
  void rocketJpegPathEqualsRocketLcn64Fixture() {
    Image lcn = new LocalContrastNormalisation(7).apply(raw256("rocket.jpg"));
    NpyArray ref = Resources.fixture("img_rocket_lcn64.npy");
    assertThat(Resources.maxAbsDiff(crop64(lcn), ref.data())).isLessThanOrEqualTo(TOL);
  }
}
