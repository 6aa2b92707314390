package org.sparsecode.experiments.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses YAML text into a {@link Node} tree that remembers, for every key, the line and column of the
 * key and of its value. Duplicate keys are an error (Jackson and SnakeYAML would silently keep the last).
 * Anchors, aliases and merge keys ({@code <<}) are resolved.
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
      Node root = new TreeReader(p, override).read(rootSource, 0, 0, at.getLineNr(), at.getColumnNr());
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

  /**
   * Reads one document, resolving anchors ({@code &name}), aliases ({@code *name}) and merge keys
   * ({@code <<: *name}, explicit keys win). An aliased node keeps the origin of its anchor, so errors in
   * shared settings point at the line that wrote them.
   */
  private static final class TreeReader {
    private final JsonParser p;
    private final String override;
    private final Map<String, Node> anchors = new HashMap<>();

    TreeReader(JsonParser p, String override) {
      this.p = p;
      this.override = override;
    }

    Node read(String path, int keyLine, int keyColumn, int line, int column) throws IOException, SyntaxError {
      if (p instanceof YAMLParser y && y.isCurrentAlias()) {
        Node target = anchors.get(p.getText());
        if (target == null) {
          throw new SyntaxError("unknown alias *" + p.getText() + " (no anchor &" + p.getText() + " before it)",
              line, column);
        }
        return target;
      }
      String anchor = p.getObjectId() instanceof String a ? a : null;
      Node node = readValue(path, keyLine, keyColumn, line, column);
      if (anchor != null) {
        anchors.put(anchor, node);
      }
      return node;
    }

    private Node readValue(String path, int keyLine, int keyColumn, int line, int column)
        throws IOException, SyntaxError {
      Node.Origin origin = new Node.Origin(path, keyLine, keyColumn, line, column, override);
      JsonToken t = p.currentToken();
      switch (t) {
        case START_OBJECT: {
          Map<String, Node> entries = new LinkedHashMap<>();
          Map<String, JsonLocation> seen = new LinkedHashMap<>();
          List<Node> merged = new ArrayList<>();
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
            Node value = read(child, k.getLineNr(), k.getColumnNr(), v.getLineNr(), v.getColumnNr());
            if (key.equals("<<")) {
              if (value.isMap()) {
                merged.add(value);
              } else if (value.isList() && value.items().stream().allMatch(Node::isMap)) {
                merged.addAll(value.items());
              } else {
                throw new SyntaxError("a merge key (<<) takes a map or a list of maps, e.g. <<: *defaults",
                    k.getLineNr(), k.getColumnNr(), child);
              }
            } else {
              entries.put(key, value);
            }
          }
          for (Node m : merged) {
            for (Map.Entry<String, Node> e : m.entries().entrySet()) {
              entries.putIfAbsent(e.getKey(), e.getValue());
            }
          }
          return Node.map(entries, origin);
        }
        case START_ARRAY: {
          List<Node> items = new ArrayList<>();
          int i = 0;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation v = p.currentTokenLocation();
            items.add(read(path + "[" + i + "]", 0, 0, v.getLineNr(), v.getColumnNr()));
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
