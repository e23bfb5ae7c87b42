package nl.klantportaal.ticketing.domain;

import java.util.List;
import java.util.Optional;
import nl.klantportaal.core.shared.domain.LocalizedText;
import nl.klantportaal.core.shared.domain.WireEnum;

/** One question of a request form: what is asked, in which shape, and whether it must be answered. */
public record FormField(String name, Kind kind, LocalizedText label, boolean required, List<Option> options,
    int maxLength) {

  public enum Kind implements WireEnum {
    TEXT("text"), TEXTAREA("textarea"), CHOICE("choice"), CHECKBOX("checkbox"), NUMBER("number"), DATE("date"),
    EMAIL("email");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    @Override
    public String wireName() {
      return wireName;
    }
  }

  public record Option(String value, LocalizedText label) {}

  public FormField {
    options = List.copyOf(options);
    if (!name.matches("[a-z][a-zA-Z0-9]{0,39}")) {
      throw new IllegalArgumentException("A field name is a short camelCase identifier: " + name);
    }
    if ((kind == Kind.CHOICE) == options.isEmpty()) {
      throw new IllegalArgumentException("Choice fields, and only they, have options: " + name);
    }
  }

  public static FormField text(String name, LocalizedText label, boolean required, int maxLength) {
    return new FormField(name, Kind.TEXT, label, required, List.of(), maxLength);
  }

  public static FormField textarea(String name, LocalizedText label, boolean required) {
    return new FormField(name, Kind.TEXTAREA, label, required, List.of(), 4000);
  }

  public static FormField choice(String name, LocalizedText label, boolean required, List<Option> options) {
    return new FormField(name, Kind.CHOICE, label, required, options, 100);
  }

  public static FormField of(String name, Kind kind, LocalizedText label, boolean required) {
    return new FormField(name, kind, label, required, List.of(), 254);
  }

  public Optional<Option> option(String value) {
    return options.stream().filter(o -> o.value().equals(value)).findFirst();
  }
}
