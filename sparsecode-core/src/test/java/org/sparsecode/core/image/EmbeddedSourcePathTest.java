package org.sparsecode.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.core.plugin.SettingsBinder;

/** The {@code path} key of the {@code embedded} source: a directory of photographs instead of the jar's. */
class EmbeddedSourcePathTest {
  @TempDir
  Path base;

  private PluginContext context() {
    return new PluginContext(0L, Precision.FLOAT64, 1, base);
  }

  @BeforeEach
  void twoPngsAndTheirCredits() throws IOException {
    Path photos = Files.createDirectory(base.resolve("photos"));
    Files.copy(Resources.path("images/coffee.png"), photos.resolve("b-coffee.png"));
    Files.copy(Resources.path("images/camera.png"), photos.resolve("a-camera.png"));
    Files.writeString(photos.resolve("CREDITS.md"), "a-camera.png | camera | skimage | CC0\n");
  }

  @Test
  void embeddedWithPathReadsTheDirectoryAsTheDirectorySourceDoes() {
    ImageSource embedded = new EmbeddedSourcePlugin().create(
        new EmbeddedSourceSettings(null, 32, null, "photos"), context());
    ImageSource directory = new DirectorySourcePlugin().create(
        new DirectorySourceSettings("photos", null, 32), context());
    assertThat(embedded.size()).isEqualTo(2);
    assertThat(List.of(embedded.id(0), embedded.id(1))).containsExactly("a-camera", "b-coffee");
    for (int i = 0; i < 2; i++) {
      assertThat(embedded.get(i)).isEqualTo(directory.get(i));
      assertThat(embedded.get(i).width()).isEqualTo(32);
    }
  }

  @Test
  void pathIsAYamlKeyOfTheEmbeddedBlock() {
    EmbeddedSourceSettings s = SettingsBinder.bind(EmbeddedSourceSettings.class,
        Map.of("path", base.resolve("photos").toString(), "preprocess", "none"));
    ImageSource src = new EmbeddedSourcePlugin().create(s, context());
    assertThat(src.id(0)).isEqualTo("a-camera");
    assertThat(src.get(0).pixels()).containsExactly(Resources.photo("camera.png").pixels());
  }

  @Test
  void withPathNamesChooseFileStemsInTheirOrder() {
    ImageSource src = new EmbeddedSourcePlugin().create(
        new EmbeddedSourceSettings(null, 16, List.of("b-coffee"), "photos"), context());
    assertThat(src.size()).isEqualTo(1);
    assertThat(src.get(0).id()).isEqualTo("b-coffee");
  }

  @Test
  void withPathAnEmbeddedNameNotInTheDirectoryIsAConfigErrorListingTheFiles() {
    assertThatThrownBy(() -> new EmbeddedSourcePlugin().create(
        new EmbeddedSourceSettings(null, 16, List.of("camera"), "photos"), context()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("camera").hasMessageContaining("a-camera")
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("names[0]"));
  }

  @Test
  void missingDirectoryIsAConfigErrorOnPathNamingTheResolvedDirectory() {
    assertThatThrownBy(() -> new EmbeddedSourcePlugin().create(
        new EmbeddedSourceSettings(null, null, null, "no-such-dir"), context()))
        .isInstanceOf(ConfigException.class).hasMessageContaining(base.resolve("no-such-dir").toString())
        .hasMessageContaining("does not exist")
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("path"));
  }

  @Test
  void aMissingRelativePathSaysWhatItWasResolvedAgainst() {
    assertThatThrownBy(() -> new EmbeddedSourcePlugin().create(
        new EmbeddedSourceSettings(null, null, null, "data/wallpapers"), context()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("resolved against the configuration file's directory " + base)
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("path"));
  }

  @Test
  void blankPathIsAConfigError() {
    assertThatThrownBy(() -> new EmbeddedSourceSettings(null, null, null, " "))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("path"));
  }

  @Test
  void withoutPathTheResolvedSettingsAreUnchanged() {
    EmbeddedSourceSettings s = new EmbeddedSourceSettings(null, null, null);
    assertThat(s.path()).isNull();
    assertThat(s.names()).isEqualTo(EmbeddedImageSource.available());
    assertThat(SettingsBinder.toMap(s)).doesNotContainKey("path");
  }
}
