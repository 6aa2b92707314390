package org.sparsecode.experiments.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Parses YAML text into a {@link Node} tree that remembers, for every key, the line and column of the
 * key and of its value. Duplicate keys are an error (Jackson and SnakeYAML would silently keep the last).
 * Anchors, aliases and merge keys ({@code <<}) are resolved.
 *
 * <p>YAML's own floats {@code .nan}, {@code .inf} and {@code -.inf} are read as the doubles they name (the
 * settings then reject them as out of range, naming the key). An aliased node is shared, not copied, so
 * the tree of a small file stays small in memory; but every later step (merging variants, binding
 * settings) walks the expanded tree, so its size is capped ({@link #MAX_NODES}), as are the aliases of
 * maps and lists ({@link #MAX_ALIASES}, SnakeYAML's {@code maxAliasesForCollections}), the nesting depth
 * ({@link #MAX_DEPTH}) and the text's length ({@link #MAX_CODE_POINTS}): a "billion laughs" file is an
 * error naming its line, not an {@code OutOfMemoryError}.
 */
final class YamlTrees {
  /** The most aliases ({@code *name}) of maps or lists one document may hold. */
  static final int MAX_ALIASES = 500;
  /** The most values (maps, lists and scalars) a document may hold once its aliases are expanded. */
  static final long MAX_NODES = 100_000;
  /** The deepest nesting of maps and lists. */
  static final int MAX_DEPTH = 64;
  /** The most characters (code points) of one document. */
  static final int MAX_CODE_POINTS = 1 << 20;

  // a key written without a value ("lambda:") is null, as YAML says; a builder starts with this off
  private static final YAMLFactory FACTORY = YAMLFactory.builder().loaderOptions(loaderOptions())
      .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();

  private YamlTrees() {}

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    // the limit on characters is checked here first, with a clearer message; SnakeYAML's is a backstop
    options.setCodePointLimit(MAX_CODE_POINTS + 1);
    options.setNestingDepthLimit(MAX_DEPTH + 1);
    return options;
  }

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
   * @param override the override the text comes from, or {@code null} for a file
   * @return the root node ({@code null} scalar for an empty document)
   */
  static Node parse(String text, String rootSource, Node.Assignment override) throws SyntaxError {
    if (text.length() > MAX_CODE_POINTS && text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
      throw new SyntaxError("the text is longer than " + MAX_CODE_POINTS + " characters; an experiment needs far"
          + " fewer (is it the right file?)", 1, 1);
    }
    try (JsonParser p = FACTORY.createParser(new StringReader(text))) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return Node.scalar(null, new Node.Origin(rootSource, 0, 0, 1, 1, override));
      }
      JsonLocation at = p.currentTokenLocation();
      Node root = new TreeReader(p, override).read(rootSource, 0, 0, at.getLineNr(), at.getColumnNr(), 0);
      if (p.nextToken() != null) {
        JsonLocation second = p.currentTokenLocation();
        throw new SyntaxError("a second YAML document ('---') follows the first; write one experiment per file",
            second.getLineNr(), second.getColumnNr());
      }
      return root;
    } catch (JsonProcessingException e) {
      throw syntaxError(e, text);
    } catch (YAMLException e) {
      // SnakeYAML's own errors, should Jackson let one through unwrapped
      throw syntaxError(e, text);
    } catch (IOException e) {
      throw new SyntaxError(String.valueOf(e.getMessage()), 1, 1);
    }
  }

  /**
   * Reads one document, resolving anchors ({@code &name}), aliases ({@code *name}) and merge keys
   * ({@code <<: *name}, explicit keys win). The contents of an aliased map or list keep the origin of its
   * anchor, so errors in shared settings point at the line that wrote them; the map or list itself takes
   * the alias's place and path, so that "expected a map, got a list" names the key that used it.
   */
  private static final class TreeReader {
    private final JsonParser p;
    private final Node.Assignment override;
    private final Map<String, Node> anchors = new HashMap<>();
    private int aliases;

    TreeReader(JsonParser p, Node.Assignment override) {
      this.p = p;
      this.override = override;
    }

    Node read(String path, int keyLine, int keyColumn, int line, int column, int depth)
        throws IOException, SyntaxError {
      if (p instanceof YAMLParser y && y.isCurrentAlias()) {
        Node target = anchors.get(p.getText());
        if (target == null) {
          throw new SyntaxError("unknown alias *" + p.getText() + " (no anchor &" + p.getText() + " before it)",
              line, column);
        }
        if (target.isScalar()) {
          return target;
        }
        if (++aliases > MAX_ALIASES) {
          throw new SyntaxError("more than " + MAX_ALIASES + " aliases (*name) of maps or lists; an experiment"
              + " needs far fewer (is this an alias bomb?)", line, column);
        }
        // the map or list itself is where the alias is (a problem with its shape is reported there); its
        // contents keep the anchor's lines, where the shared settings are written
        return target.at(new Node.Origin(path, keyLine, keyColumn, line, column, override));
      }
      String anchor = p.getObjectId() instanceof String a ? a : null;
      Node node = readValue(path, keyLine, keyColumn, line, column, depth);
      if (node.size() > MAX_NODES) {
        throw new SyntaxError("this value holds more than " + MAX_NODES + " values once its aliases (*name) are"
            + " expanded; an experiment needs far fewer (is this an alias bomb?)", line, column, path.isEmpty()
            ? null : path);
      }
      if (anchor != null) {
        anchors.put(anchor, node);
      }
      return node;
    }

    private Node readValue(String path, int keyLine, int keyColumn, int line, int column, int depth)
        throws IOException, SyntaxError {
      Node.Origin origin = new Node.Origin(path, keyLine, keyColumn, line, column, override);
      JsonToken t = p.currentToken();
      if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && depth >= MAX_DEPTH) {
        throw new SyntaxError("maps and lists nest more than " + MAX_DEPTH + " deep; an experiment needs far"
            + " fewer levels", line, column);
      }
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
            Node value = read(child, k.getLineNr(), k.getColumnNr(), v.getLineNr(), v.getColumnNr(), depth + 1);
            if (key.equals("<<")) {
              if (value.isMap()) {
                merged.add(value);
              } else if (value.isList() && !value.items().isEmpty() && value.items().stream().allMatch(Node::isMap)) {
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
            items.add(read(path + "[" + i + "]", 0, 0, v.getLineNr(), v.getColumnNr(), depth + 1));
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
          return Node.scalar(toDouble(p, line, column), origin);
        case VALUE_TRUE:
          return Node.scalar(Boolean.TRUE, origin);
        case VALUE_FALSE:
          return Node.scalar(Boolean.FALSE, origin);
        case VALUE_NULL:
          return Node.scalar(null, origin);
        case VALUE_STRING:
          return Node.scalar(p.getText(), origin);
        case VALUE_EMBEDDED_OBJECT:
          throw new SyntaxError("a binary value (!!binary) is not a setting; write a number, a string, a list or a"
              + " map", line, column, path.isEmpty() ? null : path);
        default:
          throw new SyntaxError("unexpected " + t, line, column);
      }
    }
  }

  /**
   * A YAML float as a double. Jackson recognises YAML's {@code .nan}, {@code .inf} and {@code -.inf} (any
   * case) as floats but cannot convert them; they are valid YAML, so they are read here, and the settings
   * reject them with their allowed range.
   */
  private static double toDouble(JsonParser p, int line, int column) throws IOException, SyntaxError {
    String text = p.getText().trim();
    switch (text.toLowerCase(Locale.ROOT)) {
      case ".nan":
        return Double.NaN;
      case ".inf":
      case "+.inf":
        return Double.POSITIVE_INFINITY;
      case "-.inf":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    try {
      return Double.parseDouble(text.replace("_", ""));
    } catch (NumberFormatException e) {
      try {
        return p.getDoubleValue();
      } catch (JsonProcessingException again) {
        throw new SyntaxError("'" + text + "' is not a number", line, column);
      }
    }
  }

  private static SyntaxError syntaxError(Exception e, String text) {
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
      if (c instanceof ReaderException r) {
        int[] at = lineAndColumn(text, r.getPosition());
        return new SyntaxError(String.format(Locale.ROOT, "the character U+%04X is not allowed in YAML (a control"
            + " character; is this a text file?)", r.getCodePoint()), at[0], at[1]);
      }
    }
    String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    message = String.valueOf(message);
    if (message.startsWith("Expected a field name")) {
      message = "a key must be a plain name, not a list or a map";
    } else if (e instanceof StreamConstraintsException) {
      message = message.replaceAll(", from `[^`]*`", "");
    }
    JsonLocation at = e instanceof JsonProcessingException j ? j.getLocation() : null;
    return new SyntaxError(message, at == null ? 1 : Math.max(1, at.getLineNr()),
        at == null ? 1 : Math.max(1, at.getColumnNr()));
  }

  /** The 1-based line and column of a character index (SnakeYAML counts code points; close enough for text). */
  private static int[] lineAndColumn(String text, int position) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < Math.min(position, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new int[] {line, column};
  }
}
