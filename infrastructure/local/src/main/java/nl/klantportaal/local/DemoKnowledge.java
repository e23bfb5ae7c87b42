package nl.klantportaal.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.TextInput;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.knowledge.article.domain.Reader;
import nl.klantportaal.knowledge.article.usecase.ArticleInput;
import nl.klantportaal.knowledge.article.usecase.BrowseArticles;
import nl.klantportaal.knowledge.article.usecase.CategoryInput;
import nl.klantportaal.knowledge.article.usecase.CategoryView;
import nl.klantportaal.knowledge.wiring.ArticleWiring;

/**
 * The demo knowledge base from {@code demo/knowledge/articles.json}, written through the knowledge use cases as
 * the staff's routes would (audited, versioned): the categories a provider admin keeps, the articles an agent
 * writes and publishes. A category or article (by slug) that exists is left as it is, so a restart adds only
 * what is new. An article's {@code customerSlug} names a demo customer: {@code acme} is {@code demo-acme}.
 */
final class DemoKnowledge {
  static final String RESOURCE = "/demo/knowledge/articles.json";

  private DemoKnowledge() {}

  /** Seeds what is missing; answers the console line (empty when nothing was new). */
  static String seed(KernelWiring wiring, Caller admin, Caller agent) {
    JsonNode file = read();
    ArticleWiring kb = ArticleWiring.of(wiring);
    Set<String> categories = new HashSet<>();
    kb.browse().categories(new Reader.Staff()).get("items").stream().map(CategoryView::categoryId).forEach(categories::add);
    int newCategories = 0;
    for (JsonNode c : file.get("categories")) {
      if (categories.add(c.get("categoryId").asText())) {
        JsonNode names = c.get("names");
        kb.manageCategories().create(admin, c.get("categoryId").asText(), new CategoryInput(c.get("slug").asText(),
            new TextInput(names.get("nl").asText(), names.get("en").asText(), names.get("de").asText()), c.get("order").asInt(), null));
        newCategories++;
      }
    }
    Set<String> slugs = existingSlugs(kb.browse());
    int newArticles = 0;
    for (JsonNode a : file.get("articles")) {
      if (slugs.contains(a.get("slug").asText())) {
        continue;
      }
      var created = kb.manageArticles().create(agent, input(a));
      if ("published".equals(a.get("state").asText())) {
        kb.manageArticles().publish(agent, created.articleId());
      }
      newArticles++;
    }
    return newCategories + newArticles == 0 ? "" : "  Demo knowledge base: " + newCategories + " categories, " + newArticles
        + " articles (Kennisbank)\n";
  }

  private static ArticleInput input(JsonNode a) {
    Map<String, ArticleInput.LanguageText> texts = new LinkedHashMap<>();
    a.get("texts").properties().forEach(e -> texts.put(e.getKey(), new ArticleInput.LanguageText(
        e.getValue().get("title").asText(), e.getValue().get("summary").asText(), e.getValue().get("bodyMarkdown").asText())));
    List<String> tags = new ArrayList<>();
    a.path("tags").forEach(t -> tags.add(t.asText()));
    String customer = a.hasNonNull("customerSlug") ? "demo-" + a.get("customerSlug").asText() : null;
    return new ArticleInput(a.get("categoryId").asText(), a.get("visibility").asText(), customer, tags, texts, null,
        a.get("slug").asText());
  }

  private static Set<String> existingSlugs(BrowseArticles browse) {
    Set<String> slugs = new HashSet<>();
    Optional<String> cursor = Optional.empty();
    do {
      var page = browse.list(new Reader.Staff(), Optional.empty(), Language.NL, new PageRequest(cursor, 100));
      page.items().forEach(item -> slugs.add(item.slug()));
      cursor = page.cursor();
    } while (cursor.isPresent());
    return slugs;
  }

  static JsonNode read() {
    try (InputStream in = DemoKnowledge.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
