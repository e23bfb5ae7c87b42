package nl.klantportaal.ticketing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klantportaal.core.shared.domain.Validation;

/** The questions of a request type; answers are checked against it field by field. */
public record FormSchema(List<FormField> fields) {
  public FormSchema {
    fields = List.copyOf(fields);
    if (fields.stream().map(FormField::name).distinct().count() != fields.size()) {
      throw new IllegalArgumentException("Field names are unique within a form");
    }
  }

  /**
   * The answers as text, in the form's order; every problem is added to {@code v} under
   * {@code answers.<field>}. Unknown fields are refused, not dropped: nothing a user wrote is lost silently.
   */
  public Map<String, String> validate(Map<String, Object> answers, Validation v) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String given : answers.keySet()) {
      v.check(fields.stream().anyMatch(f -> f.name().equals(given)), "answers." + given, "unknown-field",
          "is not a question of this form");
    }
    for (FormField field : fields) {
      String path = "answers." + field.name();
      Object value = answers.get(field.name());
      if (value == null || (value instanceof String s && s.isBlank())) {
        v.check(!field.required(), path, "required", "is required");
        continue;
      }
      switch (field.kind()) {
        case CHECKBOX -> {
          if (value instanceof Boolean b) {
            v.check(b || !field.required(), path, "required", "must be ticked");
            result.put(field.name(), b.toString());
          } else {
            v.check(false, path, "type", "must be true or false");
          }
        }
        case NUMBER -> {
          if (value instanceof Number n) {
            BigDecimal number = new BigDecimal(n.toString());
            // A request form's numbers are amounts (hours, licences, users): a negative or zero one asks for nothing.
            v.check(number.signum() > 0, path, "positive", "must be more than 0");
            result.put(field.name(), number.stripTrailingZeros().toPlainString());
          } else {
            v.check(false, path, "type", "must be a number");
          }
        }
        default -> {
          if (!(value instanceof String text)) {
            v.check(false, path, "type", "must be text");
            continue;
          }
          switch (field.kind()) {
            case CHOICE -> {
              boolean known = field.option(text).isPresent();
              v.check(known, path, "one-of", "must be one of " + field.options().stream().map(FormField.Option::value).toList());
              if (known) {
                result.put(field.name(), text);
              }
            }
            case DATE -> {
              try {
                result.put(field.name(), LocalDate.parse(text).toString());
              } catch (DateTimeParseException e) {
                v.check(false, path, "format", "must be a date such as 2026-12-01");
              }
            }
            case EMAIL -> v.optionalEmail(path, text).ifPresent(e -> result.put(field.name(), e));
            case TEXTAREA -> v.optionalMultilineText(path, text, field.maxLength()).ifPresent(t -> result.put(field.name(), t));
            default -> v.optionalText(path, text, field.maxLength()).ifPresent(t -> result.put(field.name(), t));
          }
        }
      }
    }
    return result;
  }
}
