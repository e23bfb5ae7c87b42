package nl.klantportaal.core.shared.domain;

import nl.klantportaal.core.shared.domain.Language;

/** A text users read, in each of the portal's languages. */
public record LocalizedText(String nl, String en, String de) {
  public LocalizedText {
    if (nl == null || en == null || de == null || nl.isBlank() || en.isBlank() || de.isBlank()) {
      throw new IllegalArgumentException("A text needs Dutch, English and German");
    }
  }

  public String in(Language language) {
    return switch (language) {
      case NL -> nl;
      case EN -> en;
      case DE -> de;
    };
  }
}
