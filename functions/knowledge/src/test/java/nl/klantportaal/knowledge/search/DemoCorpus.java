package nl.klantportaal.knowledge.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.klantportaal.knowledge.article.adapter.markdown.SafeMarkdown;
import nl.klantportaal.knowledge.search.domain.SearchDocument;
import nl.klantportaal.knowledge.search.domain.SearchLanguage;
import nl.klantportaal.knowledge.search.domain.Visibility;

/**
 * The demo knowledge base (infrastructure/local's demo/knowledge/articles.json) as search documents, one
 * per article and language, the way the article side hands published articles to the index: the body
 * as its text ({@code SafeMarkdown.toText}, as {@code SearchIndexing} gives it), article id {@code kb-<slug>}; drafts left out.
 */
public final class DemoCorpus {

  public static final Path FILE = Path.of("../../infrastructure/local/src/main/resources/demo/knowledge/articles.json");

  private DemoCorpus() {}

  public static List<SearchDocument> documents() {
    try {
      JsonNode root = new ObjectMapper().readTree(Files.readString(FILE));
      SafeMarkdown body = new SafeMarkdown();
      List<SearchDocument> documents = new ArrayList<>();
      for (JsonNode article : root.get("articles")) {
        if (!"published".equals(article.path("state").asText("published"))) {
          continue; // drafts are never indexed
        }
        // one customer's article: the demo customer it names (DemoKnowledge: "acme" is demo-acme)
        String customer = article.hasNonNull("customerSlug") ? "demo-" + article.get("customerSlug").asText() : "";
        List<String> tags = new ArrayList<>();
        article.get("tags").forEach(t -> tags.add(t.asText()));
        for (SearchLanguage language : SearchLanguage.values()) {
          JsonNode texts = article.get("texts").get(language.code());
          if (texts == null) {
            continue;
          }
          String slug = article.get("slug").asText();
          documents.add(new SearchDocument("kb-" + slug, slug, language, texts.get("title").asText(),
              texts.get("summary").asText(), body.toText(texts.get("bodyMarkdown").asText()), tags,
              article.get("categoryId").asText(),
              Visibility.valueOf(article.get("visibility").asText().toUpperCase(Locale.ROOT)), customer));
        }
      }
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<SearchDocument> documents(SearchLanguage language) {
    return documents().stream().filter(d -> d.language() == language).toList();
  }
}
