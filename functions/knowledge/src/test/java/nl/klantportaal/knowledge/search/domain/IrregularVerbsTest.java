package nl.klantportaal.knowledge.search.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IrregularVerbsTest {

  @Test
  void eachLanguageReadsItsTableAndNoFormIsListedTwice() {
    for (SearchLanguage language : SearchLanguage.values()) {
      assertTrue(IrregularVerbs.of(language).size() > 100, language + ": " + IrregularVerbs.of(language).size());
    }
  }

  @Test
  void prefixesStayInFrontOfTheVerb() {
    IrregularVerbs nl = IrregularVerbs.of(SearchLanguage.NL);
    assertEquals(List.of("sluiten"), nl.infinitives("gesloten"));
    assertEquals(List.of("afsluiten"), nl.infinitives("afgesloten"));
    assertEquals(List.of("verbinden"), nl.infinitives("verbonden"), "an inseparable prefix takes the participle's ge");
    assertEquals(List.of("ontbreken"), nl.infinitives("ontbrak"));
    assertEquals(List.of(), nl.infinitives("ontvangen"), "the infinitive itself");
    IrregularVerbs de = IrregularVerbs.of(SearchLanguage.DE);
    assertEquals(List.of("schliessen"), de.infinitives("geschlossene"), "folded, an adjective's ending off");
    assertEquals(List.of("erkennen"), de.infinitives("erkannt"));
    assertEquals(List.of(), de.infinitives("bestand"), "Bestand is no form of bestehen");
    IrregularVerbs en = IrregularVerbs.of(SearchLanguage.EN);
    assertEquals(List.of("resend"), en.infinitives("resent"));
    assertEquals(List.of("understand"), en.infinitives("understood"), "the table's own entry and under + stood meet");
  }
}
