package nl.klantportaal.knowledge.search.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnalyzerTest {

  private static List<String> terms(SearchLanguage language, String text, String vocabularyText) {
    Analyzer analyzer = new Analyzer(language);
    Set<String> vocabulary = new HashSet<>(analyzer.stems(vocabularyText));
    return analyzer.terms(text, vocabulary).stream().map(Analyzer.Term::text).toList();
  }

  @Test
  void foldsCaseAndDiacriticsAndKeepsHyphenatedWordsWholeAndByPart() {
    assertEquals(List.of("postfacher", "strasse", "geinstalleerd"), Words.of("Postfächer, Straße; geïnstalleerd!"));
    assertEquals(List.of("emailadres", "mailadres"), Words.of("e-mailadres"));
    assertEquals(List.of("microsoft", "365"), Words.of("Microsoft 365"));
  }

  @Test
  void dutchInflectionsMeetInOneStem() {
    Analyzer nl = new Analyzer(SearchLanguage.NL);
    assertEquals(nl.stems("printer"), nl.stems("printers"));
    assertEquals(nl.stems("herstel instelling"), nl.stems("herstellen instellingen"));
    assertEquals(nl.stems("mailbox"), nl.stems("mailboxen"));
    assertEquals(nl.stems("bestand"), nl.stems("bestanden"));
  }

  @Test
  void englishAndGermanInflectionsMeetInOneStem() {
    Analyzer en = new Analyzer(SearchLanguage.EN);
    assertEquals(en.stems("share mailbox printer"), en.stems("sharing mailboxes printers"));
    Analyzer de = new Analyzer(SearchLanguage.DE);
    assertEquals(de.stems("Postfach Drucker"), de.stems("Postfächer Druckern"));
  }

  @Test
  void stopWordsAreLeftOut() {
    assertEquals(List.of("wachtwoord", "verget"), new Analyzer(SearchLanguage.NL).stems("ik ben mijn wachtwoord vergeten"));
    assertEquals(new Analyzer(SearchLanguage.EN).stems("forgot password"), new Analyzer(SearchLanguage.EN).stems("I forgot the password"));
  }

  @Test
  void aDutchCompoundGivesItsPartsWhenTheyAreKnownWords() {
    List<String> terms = terms(SearchLanguage.NL, "wachtwoordherstel", "uw wachtwoord herstellen");
    assertEquals(List.of("wachtwoordherstel", "wachtwoord", "herstel"), terms);
  }

  @Test
  void aHyphenatedDutchCompoundIsSplitToo() {
    List<String> terms = terms(SearchLanguage.NL, "e-mailadres", "uw e-mail en uw adres");
    assertTrue(terms.containsAll(List.of("emailadres", "email", "adres")), terms.toString());
  }

  @Test
  void aGermanCompoundIsSplitAcrossLinkingLettersAndDerivations() {
    Analyzer de = new Analyzer(SearchLanguage.DE);
    assertEquals(List.of(de.stem("anmeldungsproblem"), de.stem("anmeldung"), de.stem("problem")),
        terms(SearchLanguage.DE, "Anmeldungsproblem", "die Anmeldung, ein Problem"));
    List<String> terms = terms(SearchLanguage.DE, "Kennwortzurücksetzung", "Kennwort zurücksetzen, setzen Sie es zurück");
    assertTrue(terms.containsAll(List.of("kennwort", "zurucksetz", "zuruck", "setz")), terms.toString());
  }

  @Test
  void aGermanParticipleGivesItsVerb() {
    Analyzer de = new Analyzer(SearchLanguage.DE);
    List<String> terms = terms(SearchLanguage.DE, "freigegebenes", "Postfach freigeben");
    assertTrue(terms.contains(de.stems("freigeben").get(0)), terms.toString());
  }

  @Test
  void unknownPartsSplitNothingAndEnglishHasNoCompounds() {
    assertEquals(List.of("wachtwoordherstel"), terms(SearchLanguage.NL, "wachtwoordherstel", "printer"));
    assertEquals(List.of("passwordreset"), terms(SearchLanguage.EN, "passwordreset", "password reset"));
  }
}
