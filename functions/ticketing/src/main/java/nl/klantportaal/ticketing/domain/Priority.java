package nl.klantportaal.ticketing.domain;

import java.util.Arrays;
import java.util.Optional;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.WireEnum;

/** A ticket's priority, highest first; the seed's Kritiek, Hoog, Normaal, Laag. */
public enum Priority implements WireEnum {
  CRITICAL("critical", "Kritiek", "Critical", "Kritisch"),
  HIGH("high", "Hoog", "High", "Hoch"),
  NORMAL("normal", "Normaal", "Normal", "Normal"),
  LOW("low", "Laag", "Low", "Niedrig");

  private final String wireName;
  private final String dutch;
  private final String english;
  private final String german;

  Priority(String wireName, String dutch, String english, String german) {
    this.wireName = wireName;
    this.dutch = dutch;
    this.english = english;
    this.german = german;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /** The label users read, in their language. */
  public String label(Language language) {
    return switch (language) {
      case NL -> dutch;
      case EN -> english;
      case DE -> german;
    };
  }

  /** One step down; LOW stays LOW. */
  public Priority lower() {
    return this == LOW ? LOW : values()[ordinal() + 1];
  }

  public static Optional<Priority> fromWireName(String wireName) {
    return Arrays.stream(values()).filter(p -> p.wireName.equals(wireName)).findFirst();
  }
}
