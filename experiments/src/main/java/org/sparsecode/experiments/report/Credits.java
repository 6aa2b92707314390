package org.sparsecode.experiments.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The credits of the coded photographs, from the {@code images:} block of the resolved configuration: the
 * {@code LICENSES} file shipped with the embedded set, or the {@code CREDITS.md} (or {@code CREDITS},
 * {@code LICENSES.md}, {@code LICENSES}) of an image directory ({@code path}). CC-BY photographs must name
 * their authors wherever results made from them are shown.
 */
final class Credits {
  /** The licences of the embedded photographs, a classpath resource of sparsecode-core. */
  static final String EMBEDDED_LICENSES = "/org/sparsecode/core/image/embedded/LICENSES";
  /** The credit files looked for in an image directory, in this order. */
  static final List<String> FILES = List.of("CREDITS.md", "CREDITS", "LICENSES.md", "LICENSES");

  private Credits() {}

  /**
   * The credits section's content for one {@code images:} block.
   *
   * @param images the block (its {@code type} and {@code path})
   * @param baseDirectory the directory a relative {@code path} resolves against (the YAML file's), or
   *     {@code null} for the working directory
   * @return HTML; empty when the block names no images at all
   */
  static String html(Map<String, Object> images, Path baseDirectory) {
    if (images.isEmpty()) {
      return "";
    }
    Object path = images.get("path");
    String type = ReportFiles.string(images.get("type"));
    if (path == null || String.valueOf(path).isBlank()) {
      if (!"embedded".equals(type)) {
        return "<p class=\"note\">" + Html.escape("The images come from the '" + type
            + "' source, which names no directory and no credits file.") + "</p>\n";
      }
      String text = embeddedLicenses();
      if (text == null) {
        return "<p class=\"note\">The licences of the embedded photographs (" + Html.escape(EMBEDDED_LICENSES)
            + ") are not on the classpath.</p>\n";
      }
      return "<p>The embedded photographs (public domain or CC0), as their <code>LICENSES</code> file "
          + "states:</p>\n<pre>" + Html.escape(text) + "</pre>\n";
    }
    Path dir;
    try {
      Path p = Path.of(String.valueOf(path));
      dir = p.isAbsolute() || baseDirectory == null ? p.toAbsolutePath().normalize()
          : baseDirectory.resolve(p).normalize();
    } catch (InvalidPathException e) {
      return "<p class=\"note\">" + Html.escape("The image directory '" + path + "' is not a valid path.")
          + "</p>\n";
    }
    for (String name : FILES) {
      Path f = dir.resolve(name);
      var text = ReportFiles.text(f);
      if (text.isPresent()) {
        String intro = "<p>From <code>" + Html.escape(f.toString()) + "</code>:</p>\n";
        return intro + (name.endsWith(".md") ? "<div class=\"credits\">" + Markdown.toHtml(text.get(), 4)
            + "</div>\n" : "<pre>" + Html.escape(text.get()) + "</pre>\n");
      }
    }
    return "<p class=\"note\">" + Html.escape("No credits file (" + String.join(", ", FILES) + ") in the image "
        + "directory " + dir + ": the photographs' authors and licences are not known to this report.")
        + "</p>\n";
  }

  /**
   * The text of the embedded set's {@code LICENSES}.
   *
   * @return the text, or {@code null} when the resource is missing
   */
  static String embeddedLicenses() {
    try (InputStream in = Credits.class.getResourceAsStream(EMBEDDED_LICENSES)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
