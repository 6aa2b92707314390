package org.sparsecode.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.core.io.Npy;
import org.sparsecode.core.io.NpyArray;

class DirectoryImageSourceTest {
  @TempDir
  Path dir;

  /** A 2x2 image whose first pixel is {@code value} (not constant: sources refuse constant images). */
  private void npy(String name, double value) {
    Npy.writeFloat32(dir.resolve(name), new double[] {value, value + 1, value + 2, value + 3}, 2, 2);
  }

  private PluginContext context() {
    return new PluginContext(0L, Precision.FLOAT64, 1, dir);
  }

  @Test
  void filesAreSortedByNameAndIdsDropTheExtension() throws IOException {
    npy("b.npy", 2);
    npy("a.npy", 1);
    Files.copy(Resources.path("images/camera.png"), dir.resolve("c.png"));
    Files.writeString(dir.resolve("readme.txt"), "ignored");
    npy(".hidden.npy", 9);
    DirectoryImageSource src = DirectoryImageSource.open(dir, new NoPreprocessing());
    assertThat(src.size()).isEqualTo(3);
    assertThat(new String[] {src.id(0), src.id(1), src.id(2)}).containsExactly("a", "b", "c");
    assertThat(src.get(1).id()).isEqualTo("b");
    assertThat(src.get(1).pixels()).containsExactly(2, 3, 4, 5);
  }

  @Test
  void creditsLicencesAndNotesNextToThePhotographsAreNotTakenAsImages() throws IOException {
    Files.copy(Resources.path("images/camera.png"), dir.resolve("camera.png"));
    Files.writeString(dir.resolve("CREDITS.md"), "camera.png | camera | skimage | CC0");
    Files.writeString(dir.resolve("LICENSES"), "camera CC0");
    Files.writeString(dir.resolve("README.txt"), "notes");
    Files.writeString(dir.resolve("sources.MD"), "notes");
    DirectoryImageSource src = DirectoryImageSource.open(dir, new NoPreprocessing());
    assertThat(src.files()).containsExactly(dir.resolve("camera.png"));
  }

  @Test
  void filesAreReadWhenAskedForNotWhenListed() {
    npy("a.npy", 1);
    DirectoryImageSource src = DirectoryImageSource.open(dir, new NoPreprocessing());
    npy("a.npy", 5);
    assertThat(src.get(0).pixels()).containsExactly(5, 6, 7, 8);
  }

  @Test
  void corruptFileFailsOnlyWhenReadAndNamesTheFile() throws IOException {
    npy("a.npy", 1);
    Files.writeString(dir.resolve("b.png"), "this is not a PNG");
    DirectoryImageSource src = DirectoryImageSource.open(dir, new NoPreprocessing());
    assertThat(src.size()).isEqualTo(2);
    assertThat(src.get(0).pixels()).containsExactly(1, 2, 3, 4);
    assertThatThrownBy(() -> src.get(1)).isInstanceOf(SparsecodeException.class)
        .hasMessageContaining(dir.resolve("b.png").toString());
  }

  @Test
  void missingDirectoryIsAConfigErrorNamingThePath() {
    Path missing = dir.resolve("nope");
    assertThatThrownBy(() -> DirectoryImageSource.open(missing, new NoPreprocessing()))
        .isInstanceOf(ConfigException.class).hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist")
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("path"));
  }

  @Test
  void pathThatIsAFileIsAConfigErrorNamingThePath() throws IOException {
    Path file = Files.writeString(dir.resolve("x.png"), "x");
    assertThatThrownBy(() -> DirectoryImageSource.open(file, new NoPreprocessing()))
        .isInstanceOf(ConfigException.class).hasMessageContaining(file.toString())
        .hasMessageContaining("not a directory");
  }

  @Test
  void directoryWithoutImagesIsAConfigErrorNamingThePath() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "x");
    assertThatThrownBy(() -> DirectoryImageSource.open(dir, new NoPreprocessing()))
        .isInstanceOf(ConfigException.class).hasMessageContaining(dir.toString())
        .hasMessageContaining("no image file");
  }

  @Test
  void twoFilesWithTheSameIdAreAConfigError() throws IOException {
    npy("a.npy", 1);
    Files.copy(Resources.path("images/camera.png"), dir.resolve("a.png"));
    assertThatThrownBy(() -> DirectoryImageSource.open(dir, new NoPreprocessing()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("a.npy").hasMessageContaining("a.png");
  }

  @Test
  void defaultSettingsGiveThePapersLcn256Image() throws IOException {
    Files.createDirectory(dir.resolve("photos"));
    Files.copy(Resources.path("images/camera.png"), dir.resolve("photos/camera.png"));
    ImageSource src = new DirectorySourcePlugin().create(
        new DirectorySourceSettings("photos", null, null), context());
    Image img = src.get(0);
    NpyArray ref = Resources.fixture("img_camera_lcn256.npy");
    assertThat(img.id()).isEqualTo("camera");
    assertThat(Resources.maxAbsDiff(img.pixels(), ref.data())).isLessThanOrEqualTo(1e-12);
  }

  @Test
  void sizeSettingChangesTheOutputSide() throws IOException {
    Files.copy(Resources.path("images/coffee.png"), dir.resolve("coffee.png"));
    ImageSource src = new DirectorySourcePlugin().create(new DirectorySourceSettings(".", null, 32), context());
    Image img = src.get(0);
    assertThat(img.width()).isEqualTo(32);
    assertThat(img.height()).isEqualTo(32);
    assertThat(img.channels()).isEqualTo(1);
  }

  @Test
  void preprocessNoneKeepsImagesAsRead() throws IOException {
    Files.copy(Resources.path("images/coffee.png"), dir.resolve("coffee.png"));
    ImageSource src = new DirectorySourcePlugin().create(new DirectorySourceSettings(".", "none", null), context());
    assertThat(src.get(0)).isEqualTo(Resources.photo("coffee.png"));
  }

  @Test
  void settingsRequireAPath() {
    assertThatThrownBy(() -> new DirectorySourceSettings(null, null, null)).isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("path"));
  }

  @Test
  void settingsRejectSizesBelowEight() {
    assertThatThrownBy(() -> new DirectorySourceSettings("x", null, 7)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("7")
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("size"));
  }

  @Test
  void settingsDefaultToLocalContrastAnd256() {
    DirectorySourceSettings s = new DirectorySourceSettings("x", null, null);
    assertThat(s.preprocess()).isEqualTo("local-contrast");
    assertThat(s.size()).isEqualTo(256);
  }

  @Test
  void settingsRejectAPreprocessValueOfTheWrongShape() {
    assertThatThrownBy(() -> new DirectorySourceSettings("x", 3, null)).isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("preprocess"));
  }

  @Test
  void checkHeadersRefusesAOneByOneImageOnKeyPath() throws IOException {
    Files.copy(Resources.path("images/camera.png"), dir.resolve("camera.png"));
    Path dot = Files.write(dir.resolve("dot.png"), TestImages.encode(TestImages.grey(1, 1, 9), "png"));
    DirectoryImageSource src = DirectoryImageSource.open(dir, new NoPreprocessing());
    assertThatThrownBy(src::checkHeaders).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("path: image file " + dot + " is 1x1 pixel: a single pixel is constant")
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("path"));
  }

  @Test
  void checkHeadersNamesTheBadFileAndItsDirectory() throws IOException {
    Files.copy(Resources.path("images/camera.png"), dir.resolve("a.png"));
    Path text = Files.writeString(dir.resolve("b.png"), "not a PNG at all");
    DirectoryImageSource src = DirectoryImageSource.open(dir, new NoPreprocessing());
    assertThatThrownBy(src::checkHeaders).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("path: " + text + " is not a readable image")
        .hasMessageEndingWith("(in image directory " + dir.toAbsolutePath() + ")");
  }

  @Test
  void checkHeadersReturnsEachFilesSizeInOrder() throws IOException {
    Files.copy(Resources.path("images/camera.png"), dir.resolve("a.png"));
    npy("b.npy", 1);
    List<ImageHeader> headers = DirectoryImageSource.open(dir, new NoPreprocessing()).checkHeaders();
    assertThat(headers).extracting(ImageHeader::format, ImageHeader::width, ImageHeader::height)
        .containsExactly(tuple("png", 512, 512), tuple("npy", 2, 2));
  }

  @Test
  void thePluginChecksEveryHeaderWhenTheSourceIsBuilt() throws IOException {
    Files.copy(Resources.path("images/camera.png"), dir.resolve("a.png"));
    Files.write(dir.resolve("z.png"), Arrays.copyOf(Files.readAllBytes(Resources.path("images/camera.png")), 900));
    assertThatThrownBy(() -> new DirectorySourcePlugin().create(new DirectorySourceSettings(".", "none", null),
        context())).isInstanceOf(ConfigException.class)
        .hasMessageContaining(dir.resolve("z.png") + " is truncated: the PNG does not end with its IEND chunk");
  }

  @Test
  void aConstantFileIsRefusedWhenReadNamingTheFile() throws IOException {
    Path flat = Files.write(dir.resolve("flat.png"), TestImages.encode(TestImages.grey(16, 16, 128), "png"));
    DirectoryImageSource src = DirectoryImageSource.open(dir, Preprocessing.localContrast(16));
    assertThat(src.checkHeaders()).hasSize(1);
    assertThatThrownBy(() -> src.get(0)).isInstanceOf(SparsecodeException.class)
        .hasMessageStartingWith("image file " + flat + " is constant (16x16, every value is 128.000): PSNR");
  }
}
