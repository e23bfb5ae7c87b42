package nl.klantportaal.knowledge.search.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IrregularVerbsTest {

  @Test
  void eachLanguageReadsItsTableNoFormTwiceAndNoStopWord() {
    for (SearchLanguage language : SearchLanguage.values()) {
      var forms = IrregularVerbs.of(language).forms();
      assertTrue(forms.size() > 90, language + ": " + forms.size());
      forms.forEach((form, infinitive) -> {
        assertFalse(StopWords.contains(language, form), language + ": " + form + " is a stop word, never searched");
        assertFalse(StopWords.contains(language, infinitive), language + ": " + infinitive + " is a stop word");
      });
    }
  }

  @Test
  void nounsAndAdjectivesThatLookLikeAFormGiveNoVerb() {
    IrregularVerbs de = IrregularVerbs.of(SearchLanguage.DE);
    for (String noun : List.of("sprache", "sprachen", "aufgaben", "anlage", "anlagen", "vorlage", "geraten", "gefahren",
        "verschiedene", "bekannt", "umstanden", "abstanden")) {
      assertEquals(List.of(), de.infinitives(noun), noun);
    }
    assertEquals(List.of("hochfahren"), de.infinitives("hochgefahren"), "after a prefix the form is one");
    assertEquals(List.of("unterbrechen"), de.infinitives("unterbrochen"));
    assertEquals(List.of("verlieren"), de.infinitives("verlorene"), "a participle without ge, as an adjective");
    IrregularVerbs nl = IrregularVerbs.of(SearchLanguage.NL);
    assertEquals(List.of(), nl.infinitives("gevallen"), "in sommige gevallen: cases");
    assertEquals(List.of(), nl.infinitives("uitgaven"), "expenses: a past tense after a separable prefix is none");
    assertEquals(List.of("uitvallen"), nl.infinitives("uitgevallen"));
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
