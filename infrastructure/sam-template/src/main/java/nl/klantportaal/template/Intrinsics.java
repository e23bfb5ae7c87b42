package nl.klantportaal.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation intrinsics ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Fn::Join},
 * {@code Fn::If}, {@code Fn::Select}, {@code Fn::Split}) to plain values. Parameters resolve to the value
 * {@link Names#parameter} gives, else their defaults; resources and pseudo parameters to whatever the given {@link Names} says.
 */
public final class Intrinsics {

  /** What a deployment (or the local cloud) calls the template's resources. */
  public interface Names {
    /** {@code Ref} of a resource or a pseudo parameter such as {@code AWS::Region}. */
    String ref(String logicalId);

    /** {@code Fn::GetAtt} of a resource. */
    String getAtt(String logicalId, String attribute);

    /** A value given for a template parameter (as a deployment's parameter overrides); empty: its default. */
    default java.util.Optional<String> parameter(String name) {
      return java.util.Optional.empty();
    }
  }

  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

  private final SamTemplate template;
  private final Names names;

  public Intrinsics(SamTemplate template, Names names) {
    this.template = template;
    this.names = names;
  }

  /** A value with every intrinsic replaced: maps and lists recursively; scalars keep their YAML type, absent is "". */
  public Object resolve(Object value) {
    if (value instanceof Map<?, ?> raw) {
      Map<String, Object> map = Yamls.map(raw);
      if (map.size() == 1) {
        String key = map.keySet().iterator().next();
        if (key.equals("Ref") || key.startsWith("Fn::")) {
          return function(key, map.get(key));
        }
      }
      Map<String, Object> resolved = new LinkedHashMap<>();
      map.forEach((k, v) -> {
        Object r = resolve(v);
        if (r != NO_VALUE) {
          resolved.put(k, r);
        }
      });
      return resolved;
    }
    if (value instanceof List<?> list) {
      List<Object> resolved = new ArrayList<>();
      list.forEach(item -> {
        Object r = resolve(item);
        if (r != NO_VALUE) {
          resolved.add(r);
        }
      });
      return resolved;
    }
    return value == null ? "" : value;
  }

  public String string(Object value) {
    return Yamls.string(resolve(value));
  }

  public boolean condition(String name) {
    return Boolean.parseBoolean(string(template.section("Conditions").get(name)));
  }

  private Object function(String name, Object argument) {
    return switch (name) {
      case "Ref" -> ref(Yamls.string(argument));
      case "Fn::GetAtt" -> {
        List<Object> parts = Yamls.list(argument);
        yield names.getAtt(Yamls.string(parts.get(0)), string(parts.get(1)));
      }
      case "Fn::Sub" -> sub(argument);
      case "Fn::Join" -> {
        List<Object> parts = Yamls.list(argument);
        yield String.join(string(parts.get(0)), Yamls.list(resolve(parts.get(1))).stream().map(Yamls::string).toList());
      }
      case "Fn::Select" -> {
        List<Object> parts = Yamls.list(argument);
        yield Yamls.list(resolve(parts.get(1))).get(Integer.parseInt(string(parts.get(0))));
      }
      case "Fn::Split" -> {
        List<Object> parts = Yamls.list(argument);
        yield List.<Object>of(string(parts.get(1)).split(Pattern.quote(string(parts.get(0))), -1));
      }
      case "Fn::If" -> {
        List<Object> parts = Yamls.list(argument);
        yield resolve(condition(Yamls.string(parts.get(0))) ? parts.get(1) : parts.get(2));
      }
      case "Fn::Equals" -> {
        List<Object> parts = Yamls.list(argument);
        yield String.valueOf(string(parts.get(0)).equals(string(parts.get(1))));
      }
      case "Fn::Not" -> String.valueOf(!Boolean.parseBoolean(string(Yamls.list(argument).get(0))));
      case "Fn::And" -> String.valueOf(Yamls.list(argument).stream().allMatch(c -> Boolean.parseBoolean(string(c))));
      case "Fn::Or" -> String.valueOf(Yamls.list(argument).stream().anyMatch(c -> Boolean.parseBoolean(string(c))));
      case "Condition" -> String.valueOf(condition(Yamls.string(argument)));
      default -> throw new IllegalArgumentException("Unsupported intrinsic " + name);
    };
  }

  /** {@code !Ref AWS::NoValue}: the property or list item is left out, as CloudFormation does. */
  public static final Object NO_VALUE = new Object() {
    @Override
    public String toString() {
      return "";
    }
  };

  private Object ref(String logicalId) {
    if (logicalId.equals("AWS::NoValue")) {
      return NO_VALUE;
    }
    Map<String, Object> parameter = Yamls.map(template.section("Parameters").get(logicalId));
    if (!parameter.isEmpty()) {
      return names.parameter(logicalId).orElseGet(() -> Yamls.string(parameter.get("Default")));
    }
    return names.ref(logicalId);
  }

  private String sub(Object argument) {
    String text;
    Map<String, Object> variables;
    if (argument instanceof List<?> list) {
      text = Yamls.string(list.get(0));
      variables = Yamls.map(list.get(1));
    } else {
      text = Yamls.string(argument);
      variables = Map.of();
    }
    Matcher matcher = SUB_VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String variable = matcher.group(1);
      String value;
      if (variables.containsKey(variable)) {
        value = string(variables.get(variable));
      } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
        String[] parts = variable.split("\\.", 2);
        value = names.getAtt(parts[0], parts[1]);
      } else {
        value = String.valueOf(ref(variable));
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString().replace("${!", "${");
  }
}
