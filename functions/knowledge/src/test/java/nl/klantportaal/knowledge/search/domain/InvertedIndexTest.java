package nl.klantportaal.knowledge.search.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the index finds through the analysis of its articles, beyond the terms {@code AnalyzerTest} shows. */
class InvertedIndexTest {

  private static SearchDocument german(String id, String title, String body) {
    return new SearchDocument(id, id, SearchLanguage.DE, title, "", body, List.of(), "cat-howto", Visibility.PUBLIC, "");
  }

  @Test
  void anArticleThatWritesASeparableVerbInTwoComesFirstForTheVerb() {
    InvertedIndex index = InvertedIndex.build(SearchLanguage.DE, List.of(
        german("kb-dienst", "Dienststatus", "Der Dienst läuft wieder. Prüfen Sie den Status."),
        german("kb-sitzung", "Sitzung", "Die Sitzung läuft nach 30 Minuten ab. Prüfen Sie den Status.")));
    // Both say "läuft"; only the second one's verb is "ablaufen" (index format 5). Before, both met the query's
    // "laufen" alike, and the order fell to the slugs.
    for (String query : List.of("abgelaufen", "ablaufen")) {
      List<SearchHit> hits = index.search(query, new ReaderScope.Anonymous(), 3);
      assertEquals("kb-sitzung", hits.getFirst().articleId(), query + ": " + hits);
    }
  }
}
