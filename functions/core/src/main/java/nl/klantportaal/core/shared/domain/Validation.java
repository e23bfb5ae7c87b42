package nl.klantportaal.core.shared.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Collects field errors for one request, then refuses all of them at once. Each check returns the
 * value it checked (or empty) so a use case can validate and convert in one line.
 */
public final class Validation {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,24}");
  private static final Pattern DOMAIN = Pattern.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,24}");

  /** A line break with the blanks around it, in a single-line text. */
  private static final Pattern LINE_BREAK = Pattern.compile("\\h*\\R[\\h\\v]*");
  /** Whole lines of blanks before a multi-line text's first line with text. */
  private static final Pattern LEADING_BLANK_LINES = Pattern.compile("\\A(\\h*\\R)+");

  private final List<FieldError> errors = new ArrayList<>();

  /**
   * A required single-line text (a title, a name, a service): leading and trailing whitespace removed, each line
   * break with the blanks around it folded into one space (a title is one line in a mail subject too).
   */
  public Optional<String> requiredText(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "required", "is required"));
      return Optional.empty();
    }
    return optionalText(field, value, maxLength);
  }

  /** {@link #requiredText} for a field that may be left out: empty when absent or blank. */
  public Optional<String> optionalText(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return checked(field, LINE_BREAK.matcher(value.strip()).replaceAll(" "), maxLength);
  }

  /**
   * A required multi-line text (a description, a message, an article in Markdown): kept as written, its
   * indentation and blank lines included; only blank lines before the first line with text and whitespace
   * after the last are dropped, since they show nothing.
   */
  public Optional<String> requiredMultilineText(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "required", "is required"));
      return Optional.empty();
    }
    return optionalMultilineText(field, value, maxLength);
  }

  /** {@link #requiredMultilineText} for a field that may be left out: empty when absent or blank. */
  public Optional<String> optionalMultilineText(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return checked(field, LEADING_BLANK_LINES.matcher(value).replaceFirst("").stripTrailing(), maxLength);
  }

  private Optional<String> checked(String field, String text, int maxLength) {
    if (text.length() > maxLength) {
      errors.add(new FieldError(field, "too-long", "must be at most " + maxLength + " characters"));
      return Optional.empty();
    }
    if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
        || hasLoneSurrogate(text)) {
      errors.add(new FieldError(field, "control-characters",
          "must not contain control characters or unpaired UTF-16 surrogates"));
      return Optional.empty();
    }
    return Optional.of(text);
  }

  public Optional<String> optionalEmail(String field, String value) {
    return optionalText(field, value, 254).flatMap(v -> {
      if (!EMAIL.matcher(v).matches()) {
        errors.add(new FieldError(field, "format", "must be an e-mail address"));
        return Optional.empty();
      }
      return Optional.of(v);
    });
  }

  public <E extends Enum<E>> Optional<E> requiredEnum(String field, String value, E[] values, Function<E, String> wireName) {
    if (value == null) {
      errors.add(new FieldError(field, "required", "is required"));
      return Optional.empty();
    }
    return optionalEnum(field, value, values, wireName);
  }

  public <E extends Enum<E>> Optional<E> optionalEnum(String field, String value, E[] values, Function<E, String> wireName) {
    if (value == null) {
      return Optional.empty();
    }
    Optional<E> found = Arrays.stream(values).filter(v -> wireName.apply(v).equals(value)).findFirst();
    if (found.isEmpty()) {
      errors.add(new FieldError(field, "one-of", "must be one of " + Arrays.stream(values).map(wireName).toList()));
    }
    return found;
  }

  /** Lower-cased, unique domains; each checked for shape. */
  public List<String> domains(String field, Collection<String> values, int maxItems) {
    if (values == null) {
      return List.of();
    }
    if (values.size() > maxItems) {
      errors.add(new FieldError(field, "too-many", "must have at most " + maxItems + " items"));
      return List.of();
    }
    List<String> result = new ArrayList<>();
    int i = 0;
    for (String value : values) {
      String normalised = value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
      if (!DOMAIN.matcher(normalised).matches()) {
        errors.add(new FieldError(field + "[" + i + "]", "format", "must be a domain name such as example.nl"));
      } else if (result.contains(normalised)) {
        errors.add(new FieldError(field + "[" + i + "]", "duplicate", "is listed twice"));
      } else {
        result.add(normalised);
      }
      i++;
    }
    return result;
  }

  /** One domain name, lower-cased, checked for shape. */
  public Optional<String> domain(String field, String value) {
    String normalised = value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
    if (!DOMAIN.matcher(normalised).matches()) {
      errors.add(new FieldError(field, "format", "must be a domain name such as example.nl"));
      return Optional.empty();
    }
    return Optional.of(normalised);
  }

  public void check(boolean condition, String field, String code, String message) {
    if (!condition) {
      errors.add(new FieldError(field, code, message));
    }
  }

  /** Whether no check failed so far (checks that need valid input come after this). */
  public boolean isValid() {
    return errors.isEmpty();
  }

  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new DomainException.InvalidInput(errors);
    }
  }

  /** True when {@code value} holds a UTF-16 surrogate without its other half (no character at all). */
  private static boolean hasLoneSurrogate(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
