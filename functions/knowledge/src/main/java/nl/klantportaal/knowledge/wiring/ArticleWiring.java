package nl.klantportaal.knowledge.wiring;

import java.util.List;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.knowledge.adapter.accounts.AccountsCustomerCheck;
import nl.klantportaal.knowledge.adapter.accounts.AccountsPeopleNames;
import nl.klantportaal.knowledge.article.adapter.dynamodb.DynamoDbArticleVisits;
import nl.klantportaal.knowledge.article.adapter.dynamodb.DynamoDbArticles;
import nl.klantportaal.knowledge.article.adapter.dynamodb.DynamoDbCategories;
import nl.klantportaal.knowledge.article.adapter.markdown.SafeMarkdown;
import nl.klantportaal.knowledge.article.domain.VisitorKey;
import nl.klantportaal.knowledge.article.port.PublishedArticles;
import nl.klantportaal.knowledge.article.usecase.ArticleHistory;
import nl.klantportaal.knowledge.article.usecase.ArticleStats;
import nl.klantportaal.knowledge.article.usecase.BrowseArticles;
import nl.klantportaal.knowledge.article.usecase.ManageArticles;
import nl.klantportaal.knowledge.article.usecase.ManageCategories;
import nl.klantportaal.knowledge.article.usecase.ReadArticle;
import nl.klantportaal.knowledge.article.usecase.VoteOnArticle;
import nl.klantportaal.knowledge.search.wiring.SearchWiring;

/**
 * The knowledge base's articles: categories, articles, reads and votes on the one table. The visitor hashes
 * are keyed with {@code purposeKey("kb-visitor")}, derived from the deployment's cursor key secret.
 */
public final class ArticleWiring {
  private final KernelWiring kernel;
  private final DynamoDbArticles articles;
  private final DynamoDbCategories categories;
  private final DynamoDbArticleVisits visits;
  private final VisitorKey visitorKey;

  private ArticleWiring(KernelWiring kernel) {
    this.kernel = kernel;
    this.articles = new DynamoDbArticles(kernel.table());
    this.categories = new DynamoDbCategories(kernel.table());
    this.visits = new DynamoDbArticleVisits(kernel.table());
    this.visitorKey = new VisitorKey(kernel.purposeKey("kb-visitor"));
  }

  public static ArticleWiring of(KernelWiring kernel) {
    return new ArticleWiring(kernel);
  }

  /** Who hears of published and withdrawn articles: the search index (docs/knowledge.md, "Search"). */
  public List<PublishedArticles> publishedArticleListeners() {
    return List.of(new SearchIndexing(SearchWiring.of(kernel).index(), new SafeMarkdown()));
  }

  public ManageArticles manageArticles() {
    return new ManageArticles(articles, categories, publishedArticleListeners(),
        new AccountsCustomerCheck(IdentityWiring.of(kernel).customers()), kernel.clock());
  }

  public ArticleHistory history() {
    return new ArticleHistory(articles, new AccountsPeopleNames(IdentityWiring.of(kernel).users()));
  }

  public ManageCategories manageCategories() {
    return new ManageCategories(categories, kernel.clock());
  }

  public BrowseArticles browse() {
    return new BrowseArticles(articles, categories);
  }

  public ReadArticle read() {
    return new ReadArticle(articles, visits, new SafeMarkdown(), visitorKey, kernel.clock());
  }

  public VoteOnArticle vote() {
    return new VoteOnArticle(articles, visits, visitorKey, kernel.clock());
  }

  public ArticleStats stats() {
    return new ArticleStats(articles);
  }
}
