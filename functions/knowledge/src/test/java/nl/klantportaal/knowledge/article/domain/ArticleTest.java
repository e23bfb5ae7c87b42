package nl.klantportaal.knowledge.article.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.shared.domain.Language;
import org.junit.jupiter.api.Test;

/** Language fallback, versions moving on, and the shapes an article refuses. */
class ArticleTest {
  private static final ArticleText EN = new ArticleText("Reset a password", "How to.", "Go to *Settings*.");
  private static final ArticleText DE = new ArticleText("Passwort zurücksetzen", "So geht's.", "Öffnen Sie *Einstellungen*.");

  @Test
  void aReaderGetsTheLanguageAskedForElseDutchThenEnglishThenGerman() {
    Article nlOnly = Articles.article(Visibility.PUBLIC, ArticleState.PUBLISHED);
    assertEquals(Language.NL, nlOnly.languageFor(Language.DE));
    Article enDe = new Article("kb-1", "reset", "cat-a", Visibility.PUBLIC, Optional.empty(), ArticleState.PUBLISHED,
        List.of(), Map.of(Language.EN, EN, Language.DE, DE), Articles.AT, Articles.AT, "x", 1);
    assertEquals(Language.DE, enDe.languageFor(Language.DE));
    assertEquals(Language.EN, enDe.languageFor(Language.NL));
    assertEquals(List.of(Language.EN, Language.DE), enDe.languages());
    assertEquals("Reset a password", enDe.textFor(Language.NL).title());
  }

  @Test
  void everyChangeIsTheNextVersionAndKeepsTheSlug() {
    Article draft = Articles.article(Visibility.PUBLIC, ArticleState.DRAFT);
    Instant later = Articles.AT.plusSeconds(60);
    Article published = draft.inState(ArticleState.PUBLISHED, later, "agent");
    assertEquals(2, published.version());
    assertEquals(later, published.updatedAt());
    Article edited = published.edited("cat-b", Visibility.CUSTOMERS, Optional.empty(), List.of("x"), Map.of(Language.EN, EN),
        later.plusSeconds(1), "agent");
    assertEquals(3, edited.version());
    assertEquals("wachtwoord-herstellen", edited.slug());
    assertEquals(ArticleState.PUBLISHED, edited.state());
    assertEquals(Articles.AT, edited.createdAt());
  }

  @Test
  void aCustomerIdExactlyForOneCustomersArticlesAndAtLeastOneLanguage() {
    assertThrows(IllegalArgumentException.class, () -> new Article("kb-1", "a", "c", Visibility.CUSTOMER, Optional.empty(),
        ArticleState.DRAFT, List.of(), Map.of(Language.EN, EN), Articles.AT, Articles.AT, "x", 1));
    assertThrows(IllegalArgumentException.class, () -> new Article("kb-1", "a", "c", Visibility.PUBLIC,
        Optional.of(Articles.ACME), ArticleState.DRAFT, List.of(), Map.of(Language.EN, EN), Articles.AT, Articles.AT, "x", 1));
    assertThrows(IllegalArgumentException.class, () -> new Article("kb-1", "a", "c", Visibility.PUBLIC, Optional.empty(),
        ArticleState.DRAFT, List.of(), Map.of(), Articles.AT, Articles.AT, "x", 1));
  }
}
