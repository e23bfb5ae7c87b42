package nl.klantportaal.knowledge.search.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
  void dutchVerbFormsInTAndWeakParticiplesGiveTheirVerb() {
    String verbs = "werken vinden maken geven lezen delen installeren aanmaken verwijderen bewaren";
    assertTrue(terms(SearchLanguage.NL, "printer werkt niet", verbs).contains("werk"));
    for (String[] form : new String[][] {{"vindt", "vinden"}, {"maakt", "maken"}, {"geeft", "geven"}, {"leest", "lezen"},
        {"gedeelde", "delen"}, {"geïnstalleerd", "installeren"}, {"aangemaakt", "aanmaken"}, {"verwijderd", "verwijderen"},
        {"bewaard", "bewaren"}, {"gewerkt", "werken"}}) {
      Analyzer nl = new Analyzer(SearchLanguage.NL);
      String verb = nl.stems(form[1]).getFirst();
      List<String> terms = terms(SearchLanguage.NL, form[0], verbs);
      assertTrue(terms.contains(verb), form[0] + " gives " + verb + " (" + form[1] + "): " + terms);
    }
  }

  @Test
  void aDutchVerbFormGivesNothingWhenNoVerbIsKnown() {
    Analyzer nl = new Analyzer(SearchLanguage.NL);
    assertEquals(nl.stems("kast"), terms(SearchLanguage.NL, "kast", "printer"), "no known verb: the word alone");
    assertEquals(new Analyzer(SearchLanguage.DE).stems("gedeelde"), terms(SearchLanguage.DE, "gedeelde", "delen"),
        "Dutch rules for Dutch only");
    for (String[] noun : new String[][] {{"bestand", "bestaan"}, {"bestanden", "bestaan"}, {"internet", "intern interne"},
        {"verkeerd", "verkeer"}}) {
      assertEquals(nl.stems(noun[0]), terms(SearchLanguage.NL, noun[0], noun[1]), noun[0] + " is no form of " + noun[1]);
    }
  }

  @Test
  void strongAndIrregularFormsGiveTheirVerbInEveryLanguageKnownOrNot() {
    for (String[] form : new String[][] {{"nl", "gesloten", "sluiten"}, {"nl", "afgesloten", "afsluiten"},
        {"nl", "vastgelopen", "vastlopen"}, {"nl", "verbonden", "verbinden"}, {"nl", "verloren", "verliezen"},
        {"nl", "opgeslagen", "opslaan"}, {"nl", "toegewezen", "toewijzen"}, {"nl", "opgetreden", "optreden"},
        {"nl", "kreeg", "krijgen"}, {"nl", "aanbevolen", "aanbevelen"}, {"de", "abgelaufen", "ablaufen"},
        {"de", "abgelaufene", "ablaufen"}, {"de", "fehlgeschlagen", "fehlschlagen"}, {"de", "aufgetreten", "auftreten"},
        {"de", "erkannt", "erkennen"}, {"de", "Verbindung verbunden", "verbinden"}, {"de", "behoben", "beheben"},
        {"de", "geschlossenen", "schließen"}, {"de", "heruntergefahren", "herunterfahren"},
        {"de", "Seite lädt nicht", "laden"}, {"de", "bricht", "brechen"}, {"en", "sent", "send"},
        {"en", "forgotten", "forget"}, {"en", "lost", "lose"}, {"en", "overwritten", "overwrite"},
        {"en", "stolen", "steal"}}) {
      SearchLanguage language = SearchLanguage.valueOf(form[0].toUpperCase(java.util.Locale.ROOT));
      String verb = new Analyzer(language).stems(form[2]).getFirst();
      List<String> terms = terms(language, form[1], "");
      assertTrue(terms.contains(verb), form[1] + " gives " + verb + " (" + form[2] + ") with no verb known: " + terms);
    }
    Analyzer nl = new Analyzer(SearchLanguage.NL);
    assertTrue(nl.terms("vastgelopen", Set.of()).getLast().part(), "the verb weighs as a part");
  }

  @Test
  void germanWeakVerbFormsGiveTheirVerbWhenItIsKnown() {
    String verbs = "funktionieren starten drucken löschen abmelden speichern wechseln verwechseln";
    for (String[] form : new String[][] {{"funktioniert", "funktionieren"}, {"startet", "starten"}, {"druckt", "drucken"},
        {"gelöschte", "löschen"}, {"abgemeldet", "abmelden"}, {"gespeichert", "speichern"}, {"wechselt", "wechseln"},
        {"gewechselt", "wechseln"}, {"verwechselte", "verwechseln"}}) {
      String verb = new Analyzer(SearchLanguage.DE).stems(form[1]).getFirst();
      List<String> terms = terms(SearchLanguage.DE, form[0], verbs);
      assertTrue(terms.contains(verb), form[0] + " gives " + verb + " (" + form[1] + "): " + terms);
    }
    Analyzer de = new Analyzer(SearchLanguage.DE);
    assertEquals(de.stems("Zertifikat"), terms(SearchLanguage.DE, "Zertifikat", verbs), "no known verb: the word alone");
    assertEquals(de.stems("Internet"), terms(SearchLanguage.DE, "Internet", "intern interne"), "Internet is no form of intern");
  }

  @Test
  void aDutchOrGermanQueryJoinsAVerbToItsPrefixStandingApart() {
    assertQueriesGiveVerbs(SearchLanguage.DE, "fehlschlagen abbrechen hochfahren zurücksetzen auswechseln", new String[][] {
        {"Anmeldung schlägt fehl", "fehlschlagen"}, {"Verbindung bricht ab", "abbrechen"},
        {"Rechner fährt nicht hoch", "hochfahren"}, {"Passwort setzt sich nicht zurück", "zurücksetzen"},
        {"wie wechselt man den Toner aus", "auswechseln"}});
    assertQueriesGiveVerbs(SearchLanguage.NL, "vastlopen opstarten aankomen wegvallen", new String[][] {
        {"printer loopt vast", "vastlopen"}, {"outlook start niet op", "opstarten"}, {"mail komt niet aan", "aankomen"},
        {"vpn valt steeds weg", "wegvallen"}});
    Analyzer de = new Analyzer(SearchLanguage.DE);
    Set<String> known = new HashSet<>(de.stems("fehlschlagen eindrucken aufladen"));
    for (String[] query : new String[][] {{"Drucker druckt ein leeres Blatt", "eindrucken"},
        {"Teams lädt auf dem Mac nicht", "aufladen"}}) {
      String joined = de.stems(query[1]).getFirst();
      assertTrue(de.queryTerms(query[0], known).stream().noneMatch(t -> t.text().equals(joined)),
          query[0] + ": a prefix stands apart only at the end of its clause, not " + query[1]);
      assertTrue(de.terms(query[0] + ".", known).stream().noneMatch(t -> t.text().equals(joined)),
          query[0] + ": nor in an article");
    }
    assertQueriesGiveVerbs(SearchLanguage.NL, "vastlopen", new String[][] {{"printer loopt vast, wat nu", "vastlopen"}});
    // a query's prefix at its whole clause's end still counts past a joining word or a particle
    assertQueriesGiveVerbs(SearchLanguage.DE, "ausschalten anmelden", new String[][] {
        {"wie schaltet man Drucker und Router aus", "ausschalten"}, {"wie meldet man sich oder das Team an", "anmelden"}});
    assertQueriesGiveVerbs(SearchLanguage.NL, "uitzetten opstarten", new String[][] {
        {"zet printer en router uit", "uitzetten"}, {"outlook start dus niet op", "opstarten"}});
  }

  @Test
  void anArticlesClauseJoinsAVerbToItsPrefixStandingApartAtItsEnd() {
    Analyzer de = new Analyzer(SearchLanguage.DE);
    List<String> terms = de.terms("Die Sitzung läuft nach 30 Minuten ab und Sie melden sich dann erneut an", Set.of()).stream()
        .map(Analyzer.Term::text).toList();
    assertTrue(terms.contains(de.stems("ablaufen").getFirst()), "a strong verb, known or not: " + terms);
    assertFalse(terms.contains(de.stems("anmelden").getFirst()), "a weak verb only when known: " + terms);
    Set<String> known = new HashSet<>(de.stems("anmelden fehlschlagen"));
    List<String> knownTerms = de.terms("Wenn die Anmeldung fehlschlägt, melden Sie sich erneut an.\nDie Anmeldung schlägt fehl",
        known).stream().map(Analyzer.Term::text).toList();
    assertTrue(knownTerms.contains(de.stems("anmelden").getFirst()), "after a comma: " + knownTerms);
    assertEquals(2, knownTerms.stream().filter(de.stems("fehlschlagen").getFirst()::equals).count(),
        "written whole and standing apart at a line's end: " + knownTerms);
    Analyzer nl = new Analyzer(SearchLanguage.NL);
    List<String> dutch = nl.terms("De printer loopt regelmatig vast; zet hem dan uit en weer aan", new HashSet<>(nl.stems("vastlopen uitzetten")))
        .stream().map(Analyzer.Term::text).toList();
    assertTrue(dutch.containsAll(List.of(nl.stems("vastlopen").getFirst(), nl.stems("uitzetten").getFirst())),
        "before a semicolon and before \"en\": " + dutch);
  }

  @Test
  void anArticleJoinsNoParticipleNoInfinitiveNoHyphenatedPartAndNothingAcrossAJoiningWord() {
    Analyzer de = new Analyzer(SearchLanguage.DE);
    List<String> terms = de.terms("Tauschen Sie das abgelaufene Zertifikat aus. Gehen Sie zu: Einstellungen.\n"
        + "Die Sitzung läuft ab und Sie melden sich neu an", Set.of()).stream().map(Analyzer.Term::text).toList();
    for (String junk : List.of("ausablaufen", "zugehen", "anlaufen")) {
      assertFalse(terms.contains(de.stems(junk).getFirst()), junk + ": " + terms);
    }
    assertTrue(terms.contains(de.stems("ablaufen").getFirst()), "the finite form before its own prefix: " + terms);
    Analyzer nl = new Analyzer(SearchLanguage.NL);
    Set<String> known = new HashSet<>(nl.stems("indoen inchecken"));
    List<String> dutch = nl.terms("Doe de check-in", known).stream().map(Analyzer.Term::text).toList();
    assertFalse(dutch.contains(nl.stems("indoen").getFirst()), "\"in\" of \"check-in\" is no prefix: " + dutch);
  }

  @Test
  void theClausesHoldExactlyTheTextsWordsInOrder() {
    for (String text : List.of("Die Sitzung läuft ab, und Sie melden sich an.\nDoe de check-in; e-mail: 1,5 GB!",
        "Version 2.5: www.example.nl (z.B. heute)", "")) {
      assertEquals(Words.of(text), Words.ofClauses(text).stream().flatMap(List::stream).map(Words.Word::text).toList(), text);
    }
    assertEquals(List.of(List.of("die", "sitzung", "lauft", "ab"), List.of("check", "in")),
        Words.ofClauses("Die Sitzung läuft ab. Check in").stream().map(c -> c.stream().map(Words.Word::text).toList()).toList());
  }

  /** Each query {@code [text, verb]} has the verb's stem among its terms, with {@code verbs} known. */
  private static void assertQueriesGiveVerbs(SearchLanguage language, String verbs, String[][] queries) {
    Analyzer analyzer = new Analyzer(language);
    Set<String> known = new HashSet<>(analyzer.stems(verbs));
    for (String[] query : queries) {
      List<String> terms = analyzer.queryTerms(query[0], known).stream().map(Analyzer.Term::text).toList();
      assertTrue(terms.contains(analyzer.stems(query[1]).getFirst()), query[0] + " gives " + query[1] + ": " + terms);
    }
  }

  @Test
  void anEnglishVerbWithItsParticleMeetsTheWordWrittenAsOne() {
    Analyzer en = new Analyzer(SearchLanguage.EN);
    for (String[] pair : new String[][] {{"Sign in to the portal", "signin"}, {"signing in fails", "signin"},
        {"how to set up MFA", "setup"}, {"we back up your files nightly", "backup"}, {"the laptop shuts down", "shutdown"}}) {
      List<String> terms = en.terms(pair[0], Set.of()).stream().map(Analyzer.Term::text).toList();
      assertTrue(terms.contains(en.stems(pair[1]).getFirst()), pair[0] + " gives " + pair[1] + ": " + terms);
    }
    assertTrue(en.queryTerms("can't log in", Set.of()).stream().map(Analyzer.Term::text).toList().containsAll(List.of("login",
        "signin")), "and through the synonyms the other spellings");
    assertEquals(en.stems("sign the form in the portal"), terms(SearchLanguage.EN, "sign the form in the portal", ""),
        "only a verb right before its particle");
    assertEquals(new Analyzer(SearchLanguage.NL).stems("set up"), terms(SearchLanguage.NL, "set up", ""), "English only");
  }

  @Test
  void wordsThatOnlyLookLikeAStrongFormGiveNoVerb() {
    for (String[] word : new String[][] {{"nl", "namen"}, {"nl", "bijlagen"}, {"nl", "wees voorzichtig"}, {"nl", "sluiten"},
        {"nl", "ontvangen"}, {"de", "Bestand"}, {"de", "Verstand"}, {"de", "Chatbot Bot"}, {"en", "left"}, {"en", "LED"},
        {"en", "send"}}) {
      SearchLanguage language = SearchLanguage.valueOf(word[0].toUpperCase(java.util.Locale.ROOT));
      assertEquals(new Analyzer(language).stems(word[1]), terms(language, word[1], ""), word[1] + " is no verb form");
    }
  }

  private static List<String> queryTerms(SearchLanguage language, String text) {
    return new Analyzer(language).queryTerms(text, Set.of()).stream().map(Analyzer.Term::text).toList();
  }

  @Test
  void aQueryGivesEachWordsSynonymsBothWaysAnArticleDoesNot() {
    assertEquals(List.of("kennwort", "passwort"), queryTerms(SearchLanguage.DE, "Kennwort"));
    assertEquals(List.of("passwort", "kennwort"), queryTerms(SearchLanguage.DE, "Passwort"));
    assertTrue(queryTerms(SearchLanguage.NL, "paswoord").contains("wachtwoord"));
    assertTrue(queryTerms(SearchLanguage.EN, "notebook").contains("laptop"));
    for (String[] pair : new String[][] {{"EN", "colleague", "employee"}, {"NL", "collega", "medewerker"},
        {"DE", "Kollegin", "Mitarbeiter"}, {"DE", "Mitarbeiterin", "Kollege"}}) {
      SearchLanguage language = SearchLanguage.valueOf(pair[0]);
      String other = new Analyzer(language).stems(pair[2]).getFirst();
      assertTrue(queryTerms(language, pair[1]).contains(other), pair[1] + " gives " + pair[2] + ": " + queryTerms(language, pair[1]));
    }
    assertTrue(new Analyzer(SearchLanguage.DE).queryTerms("Kennwort", Set.of()).get(1).part(), "a synonym weighs as a part");
    assertEquals(List.of("printer"), queryTerms(SearchLanguage.NL, "printer"), "not every word has one");
    assertEquals(List.of("kennwort"), terms(SearchLanguage.DE, "Kennwort", ""), "an article's own words only");
  }

  @Test
  void aQueryWordWithATypoGivesTheNearestKnownStems() {
    Analyzer nl = new Analyzer(SearchLanguage.NL);
    Set<String> known = new HashSet<>(nl.stems("wachtwoord printer afwezigheidsassistent instellen"));
    List<String> terms = nl.queryTerms("wachtwoort printr afwezigheidsasistent", known).stream().map(Analyzer.Term::text).toList();
    assertTrue(terms.containsAll(nl.stems("wachtwoord printer afwezigheidsassistent")), terms.toString());
    Analyzer en = new Analyzer(SearchLanguage.EN);
    Set<String> english = new HashSet<>(en.stems("password"));
    assertTrue(en.queryTerms("pasword", english).stream().anyMatch(t -> t.text().equals("password") && t.part()),
        "a dropped letter, as a part");
    assertTrue(en.queryTerms("passowrd", english).stream().anyMatch(t -> t.text().equals("password")), "two letters swapped");
  }

  @Test
  void aKnownOrShortWordGetsNoTypoStemsAndArticlesNever() {
    Analyzer nl = new Analyzer(SearchLanguage.NL);
    Set<String> known = new HashSet<>(nl.stems("printer printen mail"));
    assertEquals(nl.stems("printer"), nl.queryTerms("printer", known).stream().map(Analyzer.Term::text).toList(),
        "a known word stands for itself");
    assertEquals(nl.stems("mial"), nl.queryTerms("mial", known).stream().map(Analyzer.Term::text).toList(),
        "four letters: too short to guess");
    assertEquals(nl.stems("printr"), nl.terms("printr", known).stream().map(Analyzer.Term::text).toList(),
        "an article's words are taken as written");
    assertEquals(List.of(), nl.nearStems("koffiezetapparaat", known), "nothing near: nothing added");
    assertEquals(List.of(), nl.nearStems("0x80070005", Set.of("0x80070057")), "an error code is not corrected into another");
    assertEquals(0, Analyzer.typoDistance(4));
    assertEquals(List.of(1, 1, 1, 1, 2, 0, 3), List.of(Analyzer.distance("printr", "printer", 2),
        Analyzer.distance("printerr", "printer", 2), Analyzer.distance("prinder", "printer", 2),
        Analyzer.distance("pirnter", "printer", 2), Analyzer.distance("pirntre", "printer", 2),
        Analyzer.distance("printer", "printer", 2), Analyzer.distance("scanner", "printer", 2)),
        "added, dropped, changed, two swapped: one each; two swaps two; beyond the limit: limit + 1");
    assertEquals(1, Analyzer.typoDistance(7));
    assertEquals(2, Analyzer.typoDistance(8));
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
