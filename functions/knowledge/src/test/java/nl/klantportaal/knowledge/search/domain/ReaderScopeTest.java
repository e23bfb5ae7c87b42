package nl.klantportaal.knowledge.search.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Who finds what: the visibility filter on the hits, for every visibility and every kind of reader. */
class ReaderScopeTest {

  private static final InvertedIndex INDEX = InvertedIndex.build(SearchLanguage.EN, List.of(
      document("kb-public", Visibility.PUBLIC, ""),
      document("kb-customers", Visibility.CUSTOMERS, ""),
      document("kb-acme", Visibility.CUSTOMER, "acme"),
      document("kb-other", Visibility.CUSTOMER, "other"),
      document("kb-staff", Visibility.STAFF, "")));

  private static SearchDocument document(String id, Visibility visibility, String customerId) {
    return new SearchDocument(id, id, SearchLanguage.EN, "Printer guide", "Printers", "How the printer works.", List.of(),
        "cat-howto", visibility, customerId);
  }

  private static List<String> found(ReaderScope scope) {
    return INDEX.search("printer", scope, 10).stream().map(SearchHit::articleId).sorted().toList();
  }

  @Test
  void theReaderSeesWhatTheirScopeAllows() {
    assertEquals(List.of("kb-public"), found(new ReaderScope.Anonymous()));
    assertEquals(List.of("kb-acme", "kb-customers", "kb-public"), found(new ReaderScope.OfCustomer("acme")));
    assertEquals(List.of("kb-acme", "kb-customers", "kb-other", "kb-public", "kb-staff"), found(new ReaderScope.Staff()));
  }

  @Test
  void aCustomerIdGoesWithTheVisibilityForOneCustomerOnly() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> document("x", Visibility.CUSTOMER, ""));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> document("x", Visibility.PUBLIC, "acme"));
  }
}
