package nl.klantportaal.knowledge.article.adapter.dynamodb;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.WireEnum;
import nl.klantportaal.knowledge.article.domain.Article;
import nl.klantportaal.knowledge.article.domain.ArticleCounts;
import nl.klantportaal.knowledge.article.domain.ArticleState;
import nl.klantportaal.knowledge.article.domain.ArticleText;
import nl.klantportaal.knowledge.article.domain.CountedArticle;
import nl.klantportaal.knowledge.article.domain.Visibility;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The article item's attributes in one place (docs/data-model.md, "Knowledge items"). */
final class ArticleItems {
  static final String TYPE = "KbArticle";

  private ArticleItems() {}

  /** The content attributes (everything but keys, counters and the type), as both a put and an update set them. */
  static Map<String, AttributeValue> content(Article a) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("articleId", s(a.articleId()));
    item.put("slug", s(a.slug()));
    item.put("categoryId", s(a.categoryId()));
    item.put("visibility", s(a.visibility().wireName()));
    item.put("customerId", s(a.customerId().map(TenantId::value).orElse("")));
    item.put("state", s(a.state().wireName()));
    item.put("tags", AttributeValue.fromL(a.tags().stream().map(ArticleItems::s).toList()));
    item.put("texts", texts(a.texts()));
    item.put("createdAt", s(a.createdAt().toString()));
    item.put("updatedAt", s(a.updatedAt().toString()));
    item.put("updatedBy", s(a.updatedBy()));
    item.put("version", n(a.version()));
    item.put(Keys.GSI1PK, s(KnowledgeKeys.articlesOf(a.categoryId())));
    item.put(Keys.GSI1SK, s(a.slug()));
    return item;
  }

  static AttributeValue texts(Map<Language, ArticleText> texts) {
    Map<String, AttributeValue> map = new HashMap<>();
    texts.forEach((language, text) -> map.put(language.tag(), AttributeValue.fromM(Map.of(
        "title", s(text.title()), "summary", s(text.summary()), "bodyMarkdown", s(text.bodyMarkdown())))));
    return AttributeValue.fromM(map);
  }

  static CountedArticle read(Map<String, AttributeValue> item) {
    Map<Language, ArticleText> texts = new EnumMap<>(Language.class);
    item.get("texts").m().forEach((tag, text) -> texts.put(Language.valueOf(tag.toUpperCase(java.util.Locale.ROOT)),
        new ArticleText(text.m().get("title").s(), text.m().get("summary").s(), text.m().get("bodyMarkdown").s())));
    String customer = item.get("customerId").s();
    Article article = new Article(item.get("articleId").s(), item.get("slug").s(), item.get("categoryId").s(),
        WireEnum.parse(Visibility.class, item.get("visibility").s()),
        customer.isEmpty() ? Optional.empty() : Optional.of(new TenantId(customer)),
        WireEnum.parse(ArticleState.class, item.get("state").s()),
        item.get("tags").l().stream().map(AttributeValue::s).toList(), texts,
        Instant.parse(item.get("createdAt").s()), Instant.parse(item.get("updatedAt").s()), item.get("updatedBy").s(),
        number(item, "version"));
    return new CountedArticle(article, new ArticleCounts(number(item, "reads"), number(item, "helpfulYes"),
        number(item, "helpfulNo")));
  }

  static List<String> counters() {
    return List.of("reads", "helpfulYes", "helpfulNo");
  }

  static long number(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
