package org.sparsecode.experiments.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses YAML text into a {@link Node} tree that remembers, for every key, the line and column of the
 * key and of its value. Duplicate keys are an error (Jackson and SnakeYAML would silently keep the last).
 */
final class YamlTrees {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private YamlTrees() {}

  /**
   * A syntax error: a message without location, the 1-based line and column, and the key path when the
   * problem is about one key (a duplicate).
   */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;
    final String path;

    SyntaxError(String message, int line, int column) {
      this(message, line, column, null);
    }

    SyntaxError(String message, int line, int column, String path) {
      super(message);
      this.line = line;
      this.column = column;
      this.path = path;
    }
  }

  /**
   * Parses one YAML document.
   *
   * @param text the YAML
   * @param rootSource the path of the root in its source ("" for a file, the key path for a {@code --set})
   * @param override the {@code --set} argument the text comes from, or {@code null} for a file
   * @return the root node ({@code null} scalar for an empty document)
   */
  static Node parse(Reader text, String rootSource, String override) throws SyntaxError, IOException {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return Node.scalar(null, new Node.Origin(rootSource, 0, 0, 1, 1, override));
      }
      JsonLocation at = p.currentTokenLocation();
      Node root = read(p, rootSource, 0, 0, at.getLineNr(), at.getColumnNr(), override);
      if (p.nextToken() != null) {
        JsonLocation second = p.currentTokenLocation();
        throw new SyntaxError("a second YAML document ('---') follows the first; write one experiment per file",
            second.getLineNr(), second.getColumnNr());
      }
      return root;
    } catch (JsonProcessingException e) {
      throw syntaxError(e);
    }
  }

  static Node parse(String text, String rootSource, String override) throws SyntaxError {
    try {
      return parse(new StringReader(text), rootSource, override);
    } catch (IOException e) {
      throw new SyntaxError(e.getMessage(), 1, 1);
    }
  }

  private static Node read(JsonParser p, String path, int keyLine, int keyColumn, int line, int column,
      String override) throws IOException, SyntaxError {
    Node.Origin origin = new Node.Origin(path, keyLine, keyColumn, line, column, override);
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, JsonLocation> seen = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          JsonLocation k = p.currentTokenLocation();
          String child = path.isEmpty() ? key : path + "." + key;
          if (seen.containsKey(key)) {
            JsonLocation first = seen.get(key);
            throw new SyntaxError("duplicate key; it is already set at line " + first.getLineNr() + ", column "
                + first.getColumnNr(), k.getLineNr(), k.getColumnNr(), child);
          }
          seen.put(key, k);
          p.nextToken();
          JsonLocation v = p.currentTokenLocation();
          entries.put(key, read(p, child, k.getLineNr(), k.getColumnNr(), v.getLineNr(), v.getColumnNr(),
              override));
        }
        return Node.map(entries, origin);
      }
      case START_ARRAY: {
        List<Node> items = new ArrayList<>();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          JsonLocation v = p.currentTokenLocation();
          items.add(read(p, path + "[" + i + "]", 0, 0, v.getLineNr(), v.getColumnNr(), override));
          i++;
        }
        return Node.list(items, origin);
      }
      case VALUE_NUMBER_INT: {
        Number n = p.getNumberValue();
        if (n instanceof BigInteger b && b.bitLength() < 64) {
          n = b.longValue();
        }
        return Node.scalar(n, origin);
      }
      case VALUE_NUMBER_FLOAT:
        return Node.scalar(p.getDoubleValue(), origin);
      case VALUE_TRUE:
        return Node.scalar(Boolean.TRUE, origin);
      case VALUE_FALSE:
        return Node.scalar(Boolean.FALSE, origin);
      case VALUE_NULL:
        return Node.scalar(null, origin);
      case VALUE_STRING:
        return Node.scalar(p.getText(), origin);
      default:
        throw new SyntaxError("unexpected " + t, line, column);
    }
  }

  private static SyntaxError syntaxError(JsonProcessingException e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
        Mark at = m.getProblemMark();
        StringBuilder msg = new StringBuilder(String.valueOf(m.getProblem()));
        if (m.getContext() != null) {
          msg.append(" (").append(m.getContext());
          if (m.getContextMark() != null) {
            msg.append(" at line ").append(m.getContextMark().getLine() + 1).append(", column ")
                .append(m.getContextMark().getColumn() + 1);
          }
          msg.append(")");
        }
        return new SyntaxError(msg.toString(), at.getLine() + 1, at.getColumn() + 1);
      }
    }
    JsonLocation at = e.getLocation();
    return new SyntaxError(e.getOriginalMessage(), at == null ? 1 : Math.max(1, at.getLineNr()),
        at == null ? 1 : Math.max(1, at.getColumnNr()));
  }
}
