package nl.klantportaal.knowledge.article.domain;

/**
 * Who may read what (docs/knowledge.md, "Visibility"), one pure rule for every route:
 * <ul>
 *   <li>provider staff read every article, drafts included;</li>
 *   <li>everyone else reads published articles only: anyone the public ones, a customer's users also those
 *       for all customers and those for their own customer (never another customer's).</li>
 * </ul>
 */
public final class ReadingRule {
  private ReadingRule() {}

  public static boolean mayRead(Reader reader, Article article) {
    return switch (reader) {
      case Reader.Staff staff -> true;
      case Reader.Anonymous anonymous -> article.isPublished() && article.visibility() == Visibility.PUBLIC;
      case Reader.CustomerUser user -> article.isPublished() && switch (article.visibility()) {
        case PUBLIC, CUSTOMERS -> true;
        case CUSTOMER -> article.customerId().map(user.customer()::equals).orElse(false);
        case STAFF -> false;
      };
    };
  }
}
