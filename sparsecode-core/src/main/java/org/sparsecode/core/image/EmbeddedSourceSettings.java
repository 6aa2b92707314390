package org.sparsecode.core.image;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;

/**
 * Settings of the {@code embedded} image source: the public-domain / CC0 photographs shipped in the jar
 * (256×256 grey, see {@link EmbeddedImageSource}).
 *
 * @param preprocess how images are prepared: {@code local-contrast} (default), {@code none}, or a list of
 *     steps (see {@link Preprocessing})
 * @param size the side in pixels of the images produced by {@code local-contrast} and by steps that leave
 *     their {@code size} out, at least 8; default 256 ({@link Preprocessing#DEFAULT_SIZE})
 * @param names the photographs to use, in this order; default all of them in the index order
 *     ({@link EmbeddedImageSource#available()}); each must be one of those, without repetition
 */
public record EmbeddedSourceSettings(Object preprocess, Integer size, List<String> names) {

  /** Fills the defaults and validates. */
  public EmbeddedSourceSettings {
    preprocess = Preprocessing.checkSpec(preprocess);
    if (size == null) {
      size = Preprocessing.DEFAULT_SIZE;
    }
    Checks.atLeast("size", size, Preprocessing.MIN_SIZE);
    List<String> available = EmbeddedImageSource.available();
    if (names == null) {
      names = available;
    }
    if (names.isEmpty()) {
      throw new ConfigException("names", "must name at least one image; available: " + available);
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name == null || !available.contains(name)) {
        throw new ConfigException("names[" + i + "]", "no embedded image '" + name + "'; available: " + available);
      }
      if (!seen.add(name)) {
        throw new ConfigException("names[" + i + "]", "'" + name + "' is listed twice");
      }
    }
    names = List.copyOf(names);
  }
}
