package org.sparsecode.experiments.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void nonFiniteNumbersAreWrittenAsStringsAndReadBack() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("psnr", Double.POSITIVE_INFINITY);
    m.put("objective", Double.NaN);
    String text = Json.pretty(m);
    assertThat(text).contains("\"psnr\" : \"Infinity\"").contains("\"objective\" : \"NaN\"");
    Map<String, Object> back = Json.parseObject(text, "t");
    assertThat(Json.number(back.get("psnr"))).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Json.number(back.get("objective"))).isNaN();
  }

  @Test
  void canonicalJsonSortsKeysAtEveryLevel() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("b", 1);
    inner.put("a", List.of(2, 3));
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("z", inner);
    outer.put("y", "s");
    assertThat(Json.canonical(outer)).isEqualTo("{\"y\":\"s\",\"z\":{\"a\":[2,3],\"b\":1}}");
  }

  @Test
  void theHashDoesNotDependOnKeyOrder() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("x", 1);
    a.put("y", 2);
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("y", 2);
    b.put("x", 1);
    assertThat(Json.sha256(a)).isEqualTo(Json.sha256(b)).hasSize(64);
  }
}
