package org.sparsecode.experiments.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.sparsecode.api.SparsecodeException;

/**
 * The JSON and YAML conventions of the output files.
 *
 * <p>Non-finite doubles are written as JSON <em>strings</em> {@code "Infinity"}, {@code "-Infinity"} and
 * {@code "NaN"} (Jackson's {@code WRITE_NAN_AS_STRINGS}): bare {@code Infinity} is not JSON, and
 * {@code null} would lose the sign of a perfect reconstruction's PSNR. Python's {@code float("Infinity")}
 * and Jackson's readers accept these strings.
 */
public final class Json {
  private static final ObjectMapper PRETTY = JsonMapper.builder()
      .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();
  private static final ObjectMapper CANONICAL = JsonMapper.builder()
      .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();
  private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .build());

  private Json() {}

  /**
   * Indented JSON, map entries in insertion order, ending with a newline.
   *
   * @param tree maps, lists and scalars
   * @return the text
   */
  public static String pretty(Object tree) {
    try {
      return PRETTY.writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new SparsecodeException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Canonical JSON: no whitespace, map keys sorted at every level.
   *
   * @param tree maps, lists and scalars
   * @return the text
   */
  public static String canonical(Object tree) {
    try {
      return CANONICAL.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new SparsecodeException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The SHA-256 of a tree's canonical JSON (UTF-8), as {@code configSha256}.
   *
   * @param tree maps, lists and scalars
   * @return 64 lowercase hex digits
   */
  public static String sha256(Object tree) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(canonical(tree).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  /**
   * YAML block style, in insertion order.
   *
   * @param tree maps, lists and scalars
   * @return the text
   */
  public static String yaml(Object tree) {
    try {
      return YAML.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new SparsecodeException("cannot write YAML: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Parses a JSON object.
   *
   * @param text the JSON
   * @param what the file name, for the error message
   * @return the object as ordered maps, lists and scalars
   * @throws SparsecodeException naming the file when the text is not a JSON object
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(String text, String what) {
    try {
      Object tree = PRETTY.readValue(text, Object.class);
      if (tree instanceof Map<?, ?> map) {
        return (Map<String, Object>) map;
      }
      throw new SparsecodeException(what + ": expected a JSON object");
    } catch (JsonProcessingException e) {
      throw new SparsecodeException(what + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads a number written by {@link #pretty}: a JSON number or one of the strings {@code "Infinity"},
   * {@code "-Infinity"}, {@code "NaN"}.
   *
   * @param value the parsed value, possibly {@code null}
   * @return the double, NaN for {@code null} or anything else
   */
  public static double number(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof String s) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }
}
