package org.sparsecode.experiments.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.experiments.results.Json;
import org.sparsecode.experiments.results.ResultsJson;
import org.sparsecode.experiments.results.RunResult;

/**
 * Tolerant reading of the files a report is built from: a missing or unreadable file is empty, never an
 * error, so that the page shows what there is.
 */
final class ReportFiles {
  private static final ObjectMapper YAML = new YAMLMapper();

  private ReportFiles() {}

  /**
   * A text file.
   *
   * @param file the file
   * @return its text (UTF-8), empty when absent or unreadable
   */
  static Optional<String> text(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | java.io.UncheckedIOException e) {
      return Optional.empty();
    }
  }

  /**
   * A JSON object file ({@code comparison.json}, {@code summary.json}, {@code coefficients.json}).
   *
   * @param file the file
   * @return the object, empty when absent, unreadable or not a JSON object
   */
  static Map<String, Object> json(Path file) {
    return text(file).map(t -> {
      try {
        return Json.parseObject(t, file.toString());
      } catch (SparsecodeException e) {
        return Map.<String, Object>of();
      }
    }).orElse(Map.of());
  }

  /**
   * A {@code results.json} file ({@link ResultsJson#read(Path)}).
   *
   * @param file the file
   * @return the result, empty when absent, unreadable, or not a results.json this version can read
   */
  static Optional<RunResult> results(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ResultsJson.read(file));
    } catch (SparsecodeException e) {
      return Optional.empty();
    }
  }

  /**
   * A YAML mapping file ({@code config.yaml}).
   *
   * @param file the file
   * @return the mapping, empty when absent, unreadable or not a mapping
   */
  static Map<String, Object> yaml(Path file) {
    return text(file).map(ReportFiles::yamlOf).orElse(Map.of());
  }

  /**
   * Parses a YAML mapping.
   *
   * @param text the YAML
   * @return the mapping, empty when the text is not a mapping
   */
  static Map<String, Object> yamlOf(String text) {
    try {
      return map(YAML.readValue(text, Object.class));
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
  }

  /**
   * A parsed value as a map.
   *
   * @param node the value
   * @return the map, empty when the value is not one
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /**
   * A parsed value as a list.
   *
   * @param node the value
   * @return the list, empty when the value is not one
   */
  static List<?> list(Object node) {
    return node instanceof List<?> l ? l : List.of();
  }

  /**
   * A parsed value as a number.
   *
   * @param node the value (a number, or one of the strings {@code "NaN"}, {@code "Infinity"})
   * @return the number, NaN for anything else
   */
  static double number(Object node) {
    return Json.number(node);
  }

  /**
   * A parsed value as text.
   *
   * @param node the value
   * @return its text, empty for {@code null}
   */
  static String string(Object node) {
    return node == null ? "" : String.valueOf(node);
  }
}
