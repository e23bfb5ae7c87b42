package nl.klantportaal.core.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A JSON document of no declared shape that another system wrote (an SES event, Cognito's token answer, a
 * token's claims), read by paths that may be absent: {@code tree.path("bounce").path("bounceType").text("")}.
 * A path that leads nowhere answers the fallback, never null.
 */
public final class JsonTree {
  private static final JsonTree MISSING = new JsonTree(new Object());

  private final Object value;

  private JsonTree(Object value) {
    this.value = value;
  }

  /** @throws Json.Unreadable when it is not JSON */
  public static JsonTree parse(byte[] json) {
    Object value = Json.readStored(json, Object.class);
    return value == null ? MISSING : new JsonTree(value);
  }

  /** @throws Json.Unreadable when it is not JSON */
  public static JsonTree parse(String json) {
    return parse(json.getBytes(StandardCharsets.UTF_8));
  }

  public JsonTree path(String field) {
    return value instanceof Map<?, ?> map && map.get(field) != null ? new JsonTree(map.get(field)) : MISSING;
  }

  public JsonTree path(int index) {
    return value instanceof List<?> list && index >= 0 && index < list.size() && list.get(index) != null
        ? new JsonTree(list.get(index)) : MISSING;
  }

  /** A text, number or boolean as text; anything else the fallback. */
  public String text(String fallback) {
    return value instanceof String || value instanceof Number || value instanceof Boolean ? value.toString() : fallback;
  }

  /** A whole number, or a text that is one; anything else the fallback. */
  public int integer(int fallback) {
    if (value instanceof Integer number) {
      return number;
    }
    if (value instanceof String text) {
      try {
        return Integer.parseInt(text.strip());
      } catch (NumberFormatException e) {
        return fallback;
      }
    }
    return fallback;
  }

  /** The items of an array; none for anything else. */
  public List<JsonTree> items() {
    return value instanceof List<?> list
        ? list.stream().map(item -> item == null ? MISSING : new JsonTree(item)).toList() : List.of();
  }

  public boolean isMissing() {
    return this == MISSING;
  }
}
