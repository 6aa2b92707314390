package org.sparsecode.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The numbers of a JSON result file: the file less its timings and provenance, which differ between runs. */
final class Numbers {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> NOT_NUMBERS = List.of("provenance", "stages", "seconds");

  private Numbers() {}

  static JsonNode of(Path file) {
    try {
      return strip(JSON.readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode strip(JsonNode node) {
    if (node instanceof ObjectNode o) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        if (NOT_NUMBERS.contains(n)) {
          o.remove(n);
        } else {
          strip(o.get(n));
        }
      }
    } else if (node.isArray()) {
      node.forEach(Numbers::strip);
    }
    return node;
  }
}
