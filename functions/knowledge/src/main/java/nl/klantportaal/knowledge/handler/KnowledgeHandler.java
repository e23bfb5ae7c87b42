package nl.klantportaal.knowledge.handler;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.klantportaal.core.api.ApiProblem;
import nl.klantportaal.core.api.ApiRequest;
import nl.klantportaal.core.api.ApiResponse;
import nl.klantportaal.core.api.HttpApiHandler;
import nl.klantportaal.core.api.ProblemType;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.api.Routes;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.knowledge.article.domain.Reader;
import nl.klantportaal.knowledge.article.domain.Slugs;
import nl.klantportaal.knowledge.article.domain.VisitorKey;
import nl.klantportaal.knowledge.article.usecase.ArticleInput;
import nl.klantportaal.knowledge.article.usecase.CategoryInput;
import nl.klantportaal.knowledge.article.usecase.ReadArticle;
import nl.klantportaal.knowledge.article.usecase.Readers;
import nl.klantportaal.knowledge.article.usecase.VoteOnArticle;
import nl.klantportaal.knowledge.wiring.ArticleWiring;

/**
 * The knowledge base's articles (docs/knowledge.md): public reading under {@code /public/kb} without a token,
 * the signed-in twins under {@code /kb} with visibility from the claims, and the staff's management. Search
 * and suggestions are served by the search part of this context.
 */
public final class KnowledgeHandler extends HttpApiHandler {

  public KnowledgeHandler() {
    this(System.getenv());
  }

  public KnowledgeHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public KnowledgeHandler(KernelWiring wiring) {
    super(routes(ArticleWiring.of(wiring)));
  }

  private static Routes routes(ArticleWiring kb) {
    var browse = kb.browse();
    var read = kb.read();
    var vote = kb.vote();
    var manage = kb.manageArticles();
    var history = kb.history();
    var categories = kb.manageCategories();
    var stats = kb.stats();
    return Routes.of(
        // Public: the help centre without an account.
        Route.of("GET /public/kb/categories", Access.PUBLIC, r -> ApiResponse.ok(browse.categories(new Reader.Anonymous()))),
        Route.of("GET /public/kb/articles", Access.PUBLIC, r -> ApiResponse.ok(
            browse.list(new Reader.Anonymous(), category(r), language(r), page(r)))),
        Route.of("GET /public/kb/articles/{slug}", Access.PUBLIC, r -> ApiResponse.ok(
            read.bySlug(slug(r), language(r), anonymous(r)))),
        Route.of("POST /public/kb/articles/{slug}/votes", Access.PUBLIC, r -> {
          vote.bySlug(slug(r), r.jsonBody(VoteOnArticle.Vote.class), anonymous(r));
          return ApiResponse.noContent();
        }),
        // Signed in: what the caller's claims may read.
        Route.of("GET /kb/categories", Access.LINKED, r -> ApiResponse.ok(browse.categories(reader(r)))),
        Route.of("GET /kb/articles", Access.LINKED, r -> ApiResponse.ok(
            browse.list(reader(r), category(r), language(r), page(r)))),
        Route.of("GET /kb/articles/{articleId}", Access.LINKED, r -> ApiResponse.ok(
            read.byId(reader(r), articleId(r), language(r), user(r)))),
        Route.of("POST /kb/articles/{articleId}/votes", Access.LINKED, r -> {
          vote.byId(reader(r), articleId(r), r.jsonBody(VoteOnArticle.Vote.class), user(r));
          return ApiResponse.noContent();
        }),
        // Provider staff write articles; provider admins keep the categories.
        Route.of("POST /kb/articles", Access.PROVIDER_STAFF, r -> {
          var created = manage.create(r.requireCaller(), r.jsonBody(ArticleInput.class));
          return ApiResponse.created("/kb/articles/" + created.articleId(), staffView(read, r, created.articleId()));
        }),
        Route.of("PUT /kb/articles/{articleId}", Access.PROVIDER_STAFF, r -> ApiResponse.ok(staffView(read, r,
            manage.update(r.requireCaller(), articleId(r), r.jsonBody(ArticleInput.class)).articleId()))),
        Route.of("POST /kb/articles/{articleId}/publish", Access.PROVIDER_STAFF, r -> ApiResponse.ok(staffView(read, r,
            manage.publish(r.requireCaller(), articleId(r)).articleId()))),
        Route.of("POST /kb/articles/{articleId}/unpublish", Access.PROVIDER_STAFF, r -> ApiResponse.ok(staffView(read, r,
            manage.unpublish(r.requireCaller(), articleId(r)).articleId()))),
        Route.of("GET /kb/articles/{articleId}/versions", Access.PROVIDER_STAFF, r -> ApiResponse.ok(Map.of("items",
            history.versions(articleId(r))))),
        Route.of("GET /kb/stats", Access.PROVIDER_STAFF, r -> ApiResponse.ok(stats.execute(language(r)))),
        Route.of("POST /kb/categories", Access.PROVIDER_ADMIN, r -> {
          var created = categories.create(r.requireCaller(), r.jsonBody(CategoryInput.class));
          return ApiResponse.created("/kb/categories/" + created.categoryId(), created);
        }),
        Route.of("PUT /kb/categories/{categoryId}", Access.PROVIDER_ADMIN, r -> ApiResponse.ok(
            categories.update(r.requireCaller(), id(r, "categoryId", "Category"), r.jsonBody(CategoryInput.class)))));
  }

  private static Object staffView(ReadArticle read, ApiRequest r, String articleId) {
    return read.byId(new Reader.Staff(), articleId, language(r), user(r));
  }

  private static Reader reader(ApiRequest r) {
    return Readers.of(r.requireCaller());
  }

  /** {@code ?lang=nl|en|de}, else the Accept-Language header. */
  private static Language language(ApiRequest r) {
    Optional<String> lang = r.query("lang").filter(s -> !s.isEmpty());
    if (lang.isEmpty()) {
      return r.language();
    }
    for (Language language : Language.values()) {
      if (language.tag().equals(lang.get())) {
        return language;
      }
    }
    throw new ApiProblem(ProblemType.INVALID_PARAMETER, "lang must be one of nl, en, de");
  }

  private static Optional<String> category(ApiRequest r) {
    Optional<String> category = r.query("category").filter(s -> !s.isEmpty());
    if (category.isPresent() && !category.get().matches("[a-z0-9][a-z0-9-]{0,63}")) {
      throw new ApiProblem(ProblemType.INVALID_PARAMETER, "category must be a category id");
    }
    return category;
  }

  private static PageRequest page(ApiRequest r) {
    return new PageRequest(r.query("cursor").filter(s -> !s.isEmpty()), r.limit(50, 100));
  }

  private static String slug(ApiRequest r) {
    String slug = r.pathParameter("slug");
    if (!Slugs.isSlug(slug)) {
      throw new DomainException.NotFound("Article");
    }
    return slug;
  }

  private static String articleId(ApiRequest r) {
    return id(r, "articleId", "Article");
  }

  /** An id path parameter; one that cannot be an id is a thing that does not exist (404). */
  private static String id(ApiRequest r, String name, String what) {
    String id = r.pathParameter(name);
    if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      throw new DomainException.NotFound(what);
    }
    return id;
  }

  private static String anonymous(ApiRequest r) {
    return VisitorKey.anonymous(Objects.toString(r.sourceIp(), ""), r.header("user-agent").orElse(""));
  }

  private static String user(ApiRequest r) {
    return VisitorKey.user(r.requireCaller().userId().value());
  }
}
