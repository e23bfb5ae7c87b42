package nl.klantportaal.knowledge.search.domain;

/** What the one who searches may read: the visibility filter applied to every hit. */
public sealed interface ReaderScope {

  boolean mayRead(Visibility visibility, String customerId);

  /** No account: public articles only. */
  record Anonymous() implements ReaderScope {
    @Override
    public boolean mayRead(Visibility visibility, String customerId) {
      return visibility == Visibility.PUBLIC;
    }
  }

  /** A customer's user: public articles, those for all customers, and those for their own customer. */
  record OfCustomer(String ownCustomerId) implements ReaderScope {
    @Override
    public boolean mayRead(Visibility visibility, String customerId) {
      return switch (visibility) {
        case PUBLIC, CUSTOMERS -> true;
        case CUSTOMER -> ownCustomerId.equals(customerId);
        case STAFF -> false;
      };
    }
  }

  /** Provider staff read everything that is indexed. */
  record Staff() implements ReaderScope {
    @Override
    public boolean mayRead(Visibility visibility, String customerId) {
      return true;
    }
  }
}
