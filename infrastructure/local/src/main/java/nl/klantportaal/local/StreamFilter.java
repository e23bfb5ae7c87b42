package nl.klantportaal.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import nl.klantportaal.template.Yamls;

/**
 * An event source mapping's {@code FilterCriteria}, applied as Lambda applies it to stream records:
 * a record reaches the function when any filter's pattern matches its JSON (the shape the function
 * receives: {@code eventName}, {@code dynamodb.Keys}, {@code dynamodb.NewImage}, ...). Within a
 * pattern every field must match; a field's list matches when one of its elements does. Supported
 * (Lambda's event filtering syntax): exact values, {@code prefix}, {@code suffix},
 * {@code anything-but} (a value or a list), {@code exists}, {@code numeric} (=, <, <=, >, >=).
 * Anything else refuses to start rather than silently letting everything through.
 */
public final class StreamFilter {
  public static final StreamFilter NONE = new StreamFilter(List.of());

  private final List<JsonNode> patterns;

  private StreamFilter(List<JsonNode> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  /** From the resolved {@code FilterCriteria} property ({@code Filters: [{Pattern: '<json>'}]}); none when absent. */
  public static StreamFilter of(Object filterCriteria) {
    List<Object> filters = Yamls.list(Yamls.map(filterCriteria).get("Filters"));
    List<JsonNode> patterns = new ArrayList<>();
    for (Object filter : filters) {
      String pattern = Yamls.string(Yamls.map(filter).get("Pattern"));
      try {
        JsonNode node = AwsJsonApi.JSON.readTree(pattern);
        if (node == null || !node.isObject()) {
          throw new StartFailure("FilterCriteria pattern is not a JSON object: " + pattern);
        }
        check(node);
        patterns.add(node);
      } catch (JsonProcessingException e) {
        throw new StartFailure("FilterCriteria pattern is not valid JSON: " + pattern, e);
      }
    }
    return new StreamFilter(patterns);
  }

  public boolean isEmpty() {
    return patterns.isEmpty();
  }

  /** True when there is no filter, or one of the patterns matches the record. */
  public boolean matches(Map<String, Object> record) {
    if (patterns.isEmpty()) {
      return true;
    }
    JsonNode json = AwsJsonApi.JSON.valueToTree(record);
    return patterns.stream().anyMatch(pattern -> matchesObject(pattern, json));
  }

  private static boolean matchesObject(JsonNode pattern, JsonNode value) {
    Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode actual = value == null ? null : value.get(field.getKey());
      JsonNode expected = field.getValue();
      boolean ok = expected.isObject() ? actual != null && actual.isObject() && matchesObject(expected, actual)
          : expected.isArray() && matchesAny(expected, actual);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchesAny(JsonNode alternatives, JsonNode actual) {
    for (JsonNode alternative : alternatives) {
      if (matchesOne(alternative, actual)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesOne(JsonNode rule, JsonNode actual) {
    if (!rule.isObject()) {
      return actual != null && !actual.isContainerNode() && equal(rule, actual);
    }
    String operator = rule.fieldNames().next();
    JsonNode operand = rule.get(operator);
    return switch (operator) {
      case "exists" -> operand.asBoolean() == (actual != null && !actual.isNull());
      case "prefix" -> actual != null && actual.isTextual() && actual.asText().startsWith(operand.asText());
      case "suffix" -> actual != null && actual.isTextual() && actual.asText().endsWith(operand.asText());
      case "anything-but" -> actual != null && !actual.isContainerNode() && (operand.isArray()
          ? !contains(operand, actual) : !equal(operand, actual));
      case "numeric" -> actual != null && numeric(operand, actual);
      default -> throw new IllegalStateException("unchecked operator " + operator);
    };
  }

  private static boolean contains(JsonNode values, JsonNode actual) {
    for (JsonNode value : values) {
      if (equal(value, actual)) {
        return true;
      }
    }
    return false;
  }

  private static boolean equal(JsonNode expected, JsonNode actual) {
    if (expected.isNumber() || actual.isNumber()) {
      try {
        return Double.parseDouble(expected.asText()) == Double.parseDouble(actual.asText());
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return expected.asText().equals(actual.asText()) && expected.isNull() == actual.isNull();
  }

  private static boolean numeric(JsonNode conditions, JsonNode actual) {
    double value;
    try {
      value = Double.parseDouble(actual.asText());
    } catch (NumberFormatException e) {
      return false;
    }
    for (int i = 0; i + 1 < conditions.size(); i += 2) {
      double bound = conditions.get(i + 1).asDouble();
      boolean ok = switch (conditions.get(i).asText()) {
        case "=" -> value == bound;
        case "<" -> value < bound;
        case "<=" -> value <= bound;
        case ">" -> value > bound;
        case ">=" -> value >= bound;
        default -> false;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Refuses operators the local cloud does not implement, naming them. */
  private static void check(JsonNode pattern) {
    pattern.fields().forEachRemaining(field -> {
      JsonNode value = field.getValue();
      if (value.isObject()) {
        check(value);
      } else if (value.isArray()) {
        for (JsonNode rule : value) {
          if (rule.isObject()) {
            String operator = rule.fieldNames().hasNext() ? rule.fieldNames().next() : "";
            if (!List.of("exists", "prefix", "suffix", "anything-but", "numeric").contains(operator) || rule.size() != 1) {
              throw new StartFailure("FilterCriteria operator '" + operator + "' is not supported by the local cloud");
            }
          }
        }
      } else {
        throw new StartFailure("FilterCriteria field '" + field.getKey() + "' must be an object or a list of values");
      }
    });
  }
}
