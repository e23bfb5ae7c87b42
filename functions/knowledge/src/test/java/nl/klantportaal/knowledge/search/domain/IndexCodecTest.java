package nl.klantportaal.knowledge.search.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nl.klantportaal.knowledge.search.DemoCorpus;
import org.junit.jupiter.api.Test;

/** The stored forms give back what was stored: the same hits, in the same order with the same scores, and the same documents. */
class IndexCodecTest {

  @Test
  void aDecodedIndexAnswersEveryQueryAsTheBuiltOne() {
    for (SearchLanguage language : SearchLanguage.values()) {
      List<SearchDocument> documents = DemoCorpus.documents(language);
      InvertedIndex built = InvertedIndex.build(language, documents);
      byte[] index = IndexCodec.encode(built);
      byte[] stored = IndexCodec.encode(language, documents);
      InvertedIndex decoded = IndexCodec.decodeIndex(index).orElseThrow();
      System.out.printf("%s: %d articles, %d terms, index %,d bytes, documents %,d bytes (gzipped)%n",
          language.code(), built.size(), built.vocabulary().size(), index.length, stored.length);
      assertEquals(built.vocabulary(), decoded.vocabulary());
      for (String query : List.of("wachtwoord vergeten", "forgot password", "Postfächer freigeben", "printer", "vpn")) {
        for (ReaderScope scope : List.<ReaderScope>of(new ReaderScope.Anonymous(), new ReaderScope.Staff())) {
          assertEquals(built.search(query, scope, 10), decoded.search(query, scope, 10), language + " " + query);
        }
      }
      assertEquals(documents, IndexCodec.decodeDocuments(stored));
      assertTrue(index.length + stored.length < 400 * 1024, "one DynamoDB item holds both");
    }
  }

  @Test
  void anEmptyIndexFindsNothing() {
    InvertedIndex empty = IndexCodec.decodeIndex(IndexCodec.encode(InvertedIndex.build(SearchLanguage.NL, List.of()))).orElseThrow();
    assertEquals(0, empty.size());
    assertEquals(List.of(), empty.search("printer", new ReaderScope.Staff(), 10));
  }
}
