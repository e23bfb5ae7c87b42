package nl.klantportaal.core.shared.domain;

import java.util.Locale;

/** The portal's languages. Dutch is the default, as for the provider's customers. */
public enum Language {
  NL, EN, DE;

  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The first supported language of an Accept-Language header, in the caller's order; Dutch otherwise. */
  public static Language fromAcceptLanguage(String header) {
    if (header == null) {
      return NL;
    }
    for (String part : header.split(",")) {
      String tag = part.split(";")[0].strip().toLowerCase(Locale.ROOT);
      String primary = tag.split("-")[0];
      for (Language language : values()) {
        if (language.tag().equals(primary)) {
          return language;
        }
      }
    }
    return NL;
  }
}
