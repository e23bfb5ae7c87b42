package nl.klantportaal.ticketing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleWordsTest {

  @Test
  void lowerCasesFoldsAccentsAndDropsStopWordsOfAllThreeLanguages() {
    assertEquals(List.of("outlook", "start"), TitleWords.words("Outlook start niet op"));
    assertEquals(List.of("drucker", "druckt"), TitleWords.words("Der Drucker druckt nicht!"));
    assertEquals(List.of("printer", "work"), TitleWords.words("The printer does not work"));
    assertEquals(List.of("storung", "grossraumburo"), TitleWords.words("Störung im Großraumbüro"));
    assertEquals(List.of("cafe", "creme"), TitleWords.words("Café crème"));
  }

  @ParameterizedTest(name = "{0} and {1} meet")
  @CsvSource({
      "printers, printer",
      "Printer, printers",
      "wachtwoorden, wachtwoord",
      "wachtwoord, wachtwoorden",
      "Services, service",
      "updates, Update",
      "batteries, battery",
      "Störungen, Störung",
      "Lizenzen, Lizenz",
      "licenties, licentie",
      "proxies, proxy",
  })
  void inflectionsMeet(String title, String query) {
    assertTrue(found(title, query), title + " should be found by " + query);
    assertTrue(found(query, title), query + " should be found by " + title);
  }

  @ParameterizedTest(name = "{1} finds the title {0}")
  @CsvSource({
      "Wachtwoordherstel lukt niet, wachtwoord",
      "Wachtwoordherstel lukt niet, herstel",
      "Wachtwoordherstel lukt niet, wachtwoordherstel",
      "Wachtwoordherstel lukt niet, wacht",
      "Druckerwarteschlange hängt, drucker",
      "Netwerkstoringen op locatie Delft, storing",
      "Passwortänderung geht nicht, passwort",
      "Passwortänderung geht nicht, änderung",
      "Netzwerkverbindung bricht ab, Verbindung",
      "Printer on floor 3 jams, print",
      "PC start niet, pc",
      "Office 365 licentie verlopen, 365",
      "Office 365 licentie verlopen, licenties",
  })
  void compoundsAndPrefixesAreFound(String title, String query) {
    assertTrue(found(title, query), title + " should be found by " + query);
  }

  @ParameterizedTest(name = "{1} does not find the title {0}")
  @CsvSource({
      "Wachtwoordherstel lukt niet, wachtwoordreset",
      "Druckerwarteschlange hängt, warteschlange",
      "Printer on floor 3 jams, pri",
      "PC start niet, pcs",
      "Passwort vergessen, passwörter",
      "Outlook start niet op, outlet",
  })
  void theLimitsAreWhatTheDocsSay(String title, String query) {
    assertFalse(found(title, query), title + " should not be found by " + query);
  }

  /** ASCII text skips the Unicode normaliser; it must fold exactly as the normaliser would have. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Outlook start niet op|outlook start niet op",
      "VPN-verbinding (kantoor) 2e verdieping!|vpn-verbinding (kantoor) 2e verdieping!",
      "Geïnstalleerde Software für Büro|geinstalleerde software fur buro",
      "Straße ÆØŒ Crème brûlée|strasse aeooe creme brulee",
      "Ａｄｏｂｅ ﬁle|ａｄｏｂｅ ﬁle"})
  void foldsAsTheNormaliserDoesWithOrWithoutIt(String text, String folded) {
    assertEquals(folded, TitleWords.fold(text));
    String viaNormaliser = java.text.Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT).replace("ß", "ss")
        .replace("æ", "ae").replace("ø", "o").replace("œ", "oe"), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    assertEquals(viaNormaliser, TitleWords.fold(text));
  }

  @Test
  void multiWordQueriesNeedEveryWordAndLookUpTheLongest() {
    List<String> stored = TitleWords.storedWords("Netzwerkverbindung über VPN fällt nach Windows-Update aus");
    assertTrue(TitleWords.matchesAll(stored, TitleWords.queryWords("vpn windows")));
    assertTrue(TitleWords.matchesAll(stored, TitleWords.queryWords("Verbindung vpn")), "a known part of a compound");
    assertFalse(TitleWords.matchesAll(stored, TitleWords.queryWords("vpn printer")));
    assertEquals("verbinding", TitleWords.lookupWord(TitleWords.queryWords("vpn verbinding windows")));
    assertEquals(List.of(), TitleWords.queryWords("de het een"), "stop words alone are no query");
    assertEquals(TitleWords.MAX_QUERY_WORDS, TitleWords.queryWords("alpha bravo charlie delta echo foxtrot golf").size());
  }

  @Test
  void aLongTitleKeepsItsWholeWordsAndStaysWithinTheTermLimit() {
    String title = "Wachtwoordherstelprocedure voor medewerkersaccounts op de afdelingsnetwerkschijven faalt telkens "
        + "bij synchronisatie met Active Directory en Exchange Online";
    List<String> terms = TitleWords.terms(title);
    assertEquals(TitleWords.MAX_TERMS, terms.size());
    assertTrue(terms.containsAll(TitleWords.words(title).stream().map(TitleWords::termOf).toList()), terms.toString());
    assertTrue(terms.stream().allMatch(t -> t.length() <= TitleWords.MAX_TERM), terms.toString());
    assertTrue(terms.contains("wachtwoord"), "a known part: " + terms);
  }

  /** As the index does it: the query's lookup term must be one of the title's terms, and every word must be in it. */
  private static boolean found(String title, String query) {
    List<String> words = TitleWords.queryWords(query);
    return !words.isEmpty() && TitleWords.terms(title).contains(TitleWords.termOf(TitleWords.lookupWord(words)))
        && TitleWords.matchesAll(TitleWords.storedWords(title), words);
  }
}
