package nl.klantportaal.knowledge.article.domain;

import static nl.klantportaal.knowledge.article.domain.ArticleState.DRAFT;
import static nl.klantportaal.knowledge.article.domain.ArticleState.PUBLISHED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who reads what, per role: the whole table of reader × visibility × state. */
class ReadingRuleTest {
  private static final Reader ANONYMOUS = new Reader.Anonymous();
  private static final Reader ACME_USER = new Reader.CustomerUser(Articles.ACME);
  private static final Reader BAKKERIJ_USER = new Reader.CustomerUser(Articles.BAKKERIJ);
  private static final Reader STAFF = new Reader.Staff();

  private static List<String> readable(Reader reader) {
    List<String> result = new ArrayList<>();
    for (ArticleState state : ArticleState.values()) {
      for (Visibility visibility : Visibility.values()) {
        if (ReadingRule.mayRead(reader, Articles.article(visibility, state))) {
          result.add(state.wireName() + "/" + visibility.wireName());
        }
      }
    }
    return result;
  }

  @Test
  void anyoneReadsOnlyPublishedPublicArticles() {
    assertEquals(List.of("published/public"), readable(ANONYMOUS));
  }

  @Test
  void aCustomersUserReadsPublicAllCustomersAndItsOwnCustomersPublishedArticles() {
    assertEquals(List.of("published/public", "published/customers", "published/customer"), readable(ACME_USER));
  }

  @Test
  void anotherCustomersUserNeverReadsAnArticleForOneCustomer() {
    assertEquals(List.of("published/public", "published/customers"), readable(BAKKERIJ_USER));
  }

  @Test
  void staffReadEverythingDraftsIncluded() {
    assertEquals(List.of("draft/public", "draft/customers", "draft/customer", "draft/staff",
        "published/public", "published/customers", "published/customer", "published/staff"), readable(STAFF));
  }

  @Test
  void aDraftIsForStaffOnlyWhateverItsVisibility() {
    for (Visibility visibility : Visibility.values()) {
      Article draft = Articles.article(visibility, DRAFT);
      assertEquals(false, ReadingRule.mayRead(ANONYMOUS, draft));
      assertEquals(false, ReadingRule.mayRead(ACME_USER, draft));
      assertEquals(true, ReadingRule.mayRead(STAFF, draft));
    }
    assertEquals(true, ReadingRule.mayRead(ACME_USER, Articles.article(Visibility.CUSTOMER, PUBLISHED)));
  }
}
