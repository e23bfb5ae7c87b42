package nl.klantportaal.knowledge.search.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.knowledge.search.adapter.dynamodb.DynamoDbSearchIndexStore;
import nl.klantportaal.knowledge.search.domain.InvertedIndex;
import nl.klantportaal.knowledge.search.domain.ReaderScope;
import nl.klantportaal.knowledge.search.domain.SearchDocument;
import nl.klantportaal.knowledge.search.domain.SearchHit;
import nl.klantportaal.knowledge.search.domain.SearchLanguage;
import nl.klantportaal.knowledge.search.domain.Visibility;
import nl.klantportaal.knowledge.search.port.SearchIndexStore;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The index in the table (DynamoDB Local): conditional on its version, rebuilt on every change, none lost in a race. */
class SearchIndexTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
  private DynamoDbSearchIndexStore store;
  private SearchIndex index;
  private nl.klantportaal.core.adapter.dynamodb.PortalTable table;

  @BeforeEach
  void table() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    KernelWiring wiring = new KernelWiring(Config.fromEnvironment(TestEnvironment.forTable(dynamoDb, dynamoDb.createPortalTable())),
        Clock.fixed(NOW, ZoneOffset.UTC));
    table = wiring.table();
    store = new DynamoDbSearchIndexStore(table);
    index = new SearchIndex(store, wiring.clock());
  }

  private static SearchDocument printer(String id, String title) {
    return new SearchDocument(id, id, SearchLanguage.NL, title, "Printerproblemen", "De printer print niet.", List.of("printer"),
        "cat-howto", Visibility.PUBLIC, "");
  }

  private List<String> found(String query) {
    return new IndexCache(store).current(SearchLanguage.NL).search(query, new ReaderScope.Staff(), 50).stream()
        .map(SearchHit::articleId).toList();
  }

  /** {@code encoded} with another leading format number, as an earlier analysis stamped its index. */
  private static byte[] restamped(byte[] encoded, int format) throws java.io.IOException {
    byte[] plain;
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(encoded))) {
      plain = in.readAllBytes();
    }
    java.nio.ByteBuffer.wrap(plain).putInt(0, format);
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(bytes)) {
      out.write(plain);
    }
    return bytes.toByteArray();
  }

  @Test
  void anIndexMadeByAnEarlierAnalysisIsBuiltAgainFromItsDocumentsWhenRead() throws Exception {
    SearchDocument works = new SearchDocument("kb-7", "kb-7", SearchLanguage.NL, "De scanner werkt niet", "Scannen",
        "Controleer of u kunt werken met de scanner.", List.of(), "cat-howto", Visibility.PUBLIC, "");
    index.put(works);
    var key = java.util.Map.of("PK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("KB#SEARCH#INDEX#nl"),
        "SK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("INDEX"));
    var item = new java.util.HashMap<>(table.client().getItem(r -> r.tableName(table.name()).key(key)).item());
    // An index stamped with format 1 (an earlier analysis), here one that knows no article at all: what is read must
    // be built from the item's documents, not decoded from these bytes.
    item.put("index", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes
        .fromByteArray(restamped(nl.klantportaal.knowledge.search.domain.IndexCodec.encode(
            InvertedIndex.build(SearchLanguage.NL, List.of())), 1))));
    table.client().putItem(r -> r.tableName(table.name()).item(item));

    var read = store.index(SearchLanguage.NL).orElseThrow();
    assertEquals(store.version(SearchLanguage.NL), read.version(), "the item's version");
    assertEquals(List.of("kb-7"), read.value().search("werkt", new ReaderScope.Staff(), 10).stream().map(SearchHit::articleId)
        .toList(), "built again from the documents, with this analysis");
  }

  @Test
  void aStaleVersionIsNotWritten() {
    assertEquals(0, store.version(SearchLanguage.NL));
    InvertedIndex one = InvertedIndex.build(SearchLanguage.NL, List.of(printer("kb-1", "Printer")));
    assertTrue(store.save(SearchLanguage.NL, 0, List.of(printer("kb-1", "Printer")), one, NOW));
    assertFalse(store.save(SearchLanguage.NL, 0, List.of(), InvertedIndex.build(SearchLanguage.NL, List.of()), NOW));
    assertEquals(1, store.version(SearchLanguage.NL));
    assertEquals(List.of("kb-1"), found("printer"));
  }

  @Test
  void putReplacesAnArticlesVersionAndRemoveTakesEveryLanguage() {
    index.put(printer("kb-1", "Printer print niet"));
    index.put(printer("kb-1", "Scanner scant niet"));
    index.put(new SearchDocument("kb-1", "kb-1", SearchLanguage.EN, "Scanner", "Scanner", "The scanner.", List.of(),
        "cat-howto", Visibility.PUBLIC, ""));
    assertEquals(List.of("kb-1"), found("scanner"));
    assertEquals(1, store.documents(SearchLanguage.NL).value().size());
    index.remove("kb-1");
    assertEquals(List.of(), found("scanner"));
    assertEquals(0, store.documents(SearchLanguage.EN).value().size());
    long version = store.version(SearchLanguage.NL);
    index.remove("kb-1");
    assertEquals(version, store.version(SearchLanguage.NL), "removing what is not there writes nothing");
  }

  @Test
  void concurrentPublicationsAreAllIndexed() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Void>> puts = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String id = "kb-" + i;
        puts.add(() -> {
          index.put(printer(id, "Printer " + id));
          return null;
        });
      }
      for (Future<Void> put : pool.invokeAll(puts)) {
        put.get();
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(4, found("printer").size());
  }

  /**
   * The real store, where before each of the first {@code losses} saves another writer really changes the
   * index (puts a document of its own), so that save loses its race.
   */
  private SearchIndexStore losing(int losses) {
    int[] left = {losses};
    return new SearchIndexStore() {
      @Override
      public long version(SearchLanguage language) {
        return store.version(language);
      }

      @Override
      public java.util.Optional<Stored<InvertedIndex>> index(SearchLanguage language) {
        return store.index(language);
      }

      @Override
      public Stored<List<SearchDocument>> documents(SearchLanguage language) {
        return store.documents(language);
      }

      @Override
      public boolean save(SearchLanguage language, long expectedVersion, List<SearchDocument> documents, InvertedIndex built,
          Instant at) {
        if (left[0]-- > 0) {
          index.put(printer("other-" + left[0], "Printer van een ander"));
        }
        return store.save(language, expectedVersion, documents, built, at);
      }
    };
  }

  @Test
  void aChangeThatLostItsRaceWaitsLongerEachTimeAndOneThatKeepsLosingIsAConflict() {
    List<Long> pauses = new ArrayList<>();
    new SearchIndex(losing(SearchIndex.ATTEMPTS - 1), Clock.fixed(NOW, ZoneOffset.UTC), pauses::add)
        .put(printer("kb-1", "Printer"));
    assertTrue(found("printer").contains("kb-1"), "written at the last attempt");
    assertEquals(SearchIndex.ATTEMPTS, found("printer").size(), "and the other writer's four documents kept");
    assertEquals(SearchIndex.ATTEMPTS - 1, pauses.size(), "a pause before each attempt after the first");
    for (int i = 0; i < pauses.size(); i++) {
      long base = SearchIndex.FIRST_PAUSE_MILLIS << i;
      assertTrue(pauses.get(i) >= base && pauses.get(i) <= base + SearchIndex.FIRST_PAUSE_MILLIS, "pause " + i + ": " + pauses);
    }

    var lost = org.junit.jupiter.api.Assertions.assertThrows(nl.klantportaal.core.shared.domain.DomainException.Conflict.class,
        () -> new SearchIndex(losing(SearchIndex.ATTEMPTS), Clock.fixed(NOW, ZoneOffset.UTC), millis -> {})
            .put(printer("kb-2", "Printer")));
    assertTrue(lost.getMessage().startsWith("The nl search index kept changing"), lost.getMessage());
    assertFalse(found("printer").contains("kb-2"));
  }
}
