package nl.klantportaal.knowledge.article.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Share-link slugs: ASCII words from any title, numbered when taken, bounded in length. */
class SlugsTest {

  @Test
  void aTitleBecomesLowerCaseAsciiWords() {
    assertEquals("wachtwoord-herstellen-in-microsoft-365", Slugs.of("Wachtwoord herstellen in Microsoft 365?"));
    assertEquals("e-mail-einrichten-fur-grosse-postfacher", Slugs.of("E-Mail einrichten für große Postfächer"));
    assertEquals("artikel", Slugs.of("???"));
    assertTrue(Slugs.isSlug(Slugs.of("x".repeat(200) + " y")));
  }

  @Test
  void aTakenSlugIsNumberedWithinTheLimit() {
    assertEquals("wachtwoord-2", Slugs.numbered("wachtwoord", 2));
    String longest = Slugs.numbered("a".repeat(Slugs.MAX), 12);
    assertTrue(Slugs.isSlug(longest) && longest.endsWith("-12"));
    assertFalse(Slugs.isSlug("Hoofdletters"));
    assertFalse(Slugs.isSlug("twee--streepjes"));
  }
}
