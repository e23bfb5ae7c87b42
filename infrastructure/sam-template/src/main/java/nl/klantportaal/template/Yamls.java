package nl.klantportaal.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed views of parsed YAML values; absent values read as empty, never null. */
public final class Yamls {
  private Yamls() {}

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  @SuppressWarnings("unchecked")
  public static List<Object> list(Object value) {
    return value instanceof List<?> list ? (List<Object>) list : List.of();
  }

  public static String string(Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> override) {
    Map<String, Object> merged = new LinkedHashMap<>(base);
    override.forEach((key, value) -> {
      Object existing = merged.get(key);
      if (existing instanceof Map<?, ?> && value instanceof Map<?, ?>) {
        merged.put(key, deepMerge(map(existing), map(value)));
      } else {
        merged.put(key, value);
      }
    });
    return merged;
  }
}
