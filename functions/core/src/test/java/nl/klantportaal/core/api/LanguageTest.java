package nl.klantportaal.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import nl.klantportaal.core.shared.domain.Language;
import org.junit.jupiter.api.Test;

class LanguageTest {
  @Test
  void followsTheCallersPreferenceAndDefaultsToDutch() {
    assertEquals(Language.DE, Language.fromAcceptLanguage("de-CH,de;q=0.9,en;q=0.8"));
    assertEquals(Language.EN, Language.fromAcceptLanguage("fr-FR, en-GB;q=0.7"));
    assertEquals(Language.NL, Language.fromAcceptLanguage("fr"));
    assertEquals(Language.NL, Language.fromAcceptLanguage(null));
  }

  @Test
  void everyProblemHasATitleInEachLanguage() {
    for (ProblemType type : ProblemType.values()) {
      for (Language language : Language.values()) {
        assertEquals(false, type.title(language).isBlank(), type + " " + language);
      }
    }
  }
}
