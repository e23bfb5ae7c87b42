package nl.klantportaal.knowledge.handler;

import java.util.Map;
import nl.klantportaal.core.api.ApiProblem;
import nl.klantportaal.core.api.ApiRequest;
import nl.klantportaal.core.api.ApiResponse;
import nl.klantportaal.core.api.HttpApiHandler;
import nl.klantportaal.core.api.ProblemType;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.api.Routes;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.knowledge.search.domain.ReaderScope;
import nl.klantportaal.knowledge.search.domain.SearchLanguage;
import nl.klantportaal.knowledge.search.usecase.Readers;
import nl.klantportaal.knowledge.search.usecase.RecordOpened;
import nl.klantportaal.knowledge.search.usecase.SearchViews;
import nl.klantportaal.knowledge.search.wiring.SearchWiring;

/** The knowledge base's search, suggestions for a new ticket and their figures (docs/knowledge.md). */
public final class SearchHandler extends HttpApiHandler {

  public SearchHandler() {
    this(System.getenv());
  }

  public SearchHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public SearchHandler(KernelWiring wiring) {
    super(routes(SearchWiring.of(wiring)));
  }

  private static Routes routes(SearchWiring wiring) {
    var search = wiring.search();
    var suggest = wiring.suggest();
    var opened = wiring.recordOpened();
    var stats = wiring.stats();
    return Routes.of(
        Route.of("GET /public/kb/search", Access.PUBLIC, r -> ApiResponse.ok(SearchViews.Hits.of(
            search.execute(new ReaderScope.Anonymous(), language(r), "q", r.query("q").orElse(""), r.limit(10, 50))))),
        Route.of("GET /kb/search", Access.SIGNED_IN, r -> ApiResponse.ok(SearchViews.Hits.of(
            search.execute(Readers.of(r.requireCaller()), language(r), "q", r.query("q").orElse(""), r.limit(10, 50))))),
        Route.of("GET /kb/suggestions", Access.CUSTOMER, r -> ApiResponse.ok(SearchViews.Suggestions.of(
            suggest.execute(r.requireCaller(), language(r), r.query("title").orElse(""))))),
        Route.of("POST /kb/suggestions/{suggestionId}/opened", Access.CUSTOMER, r -> {
          opened.execute(r.requireCaller(), r.pathParameter("suggestionId"), r.jsonBody(RecordOpened.Input.class));
          return ApiResponse.noContent();
        }),
        Route.of("GET /kb/search/stats", Access.PROVIDER_STAFF, r -> ApiResponse.ok(SearchViews.Stats.of(stats.execute()))));
  }

  /** {@code ?lang=nl|en|de}; without it the caller's Accept-Language. */
  private static SearchLanguage language(ApiRequest r) {
    return r.query("lang").map(code -> SearchLanguage.fromCode(code)
            .orElseThrow(() -> new ApiProblem(ProblemType.INVALID_PARAMETER, "lang must be one of nl, en, de")))
        .orElseGet(() -> SearchLanguage.fromCode(r.language().tag()).orElseThrow());
  }
}
