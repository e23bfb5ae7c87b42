package nl.klantportaal.knowledge.article.usecase;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.knowledge.article.domain.Article;
import nl.klantportaal.knowledge.article.domain.ArticleCounts;
import nl.klantportaal.knowledge.article.domain.ArticleText;
import nl.klantportaal.knowledge.article.domain.CountedArticle;

/**
 * An article as the API answers it (docs/knowledge.md, "Article JSON"): one language version (the one asked
 * for, else nl, en, de), the body as sanitised HTML where asked for, the reader band and the share link.
 * Provider staff also get the number of versions, the counts and, in the single-article view, every language's
 * Markdown to edit.
 */
public record ArticleView(String articleId, String slug, String categoryId, String visibility, Optional<String> customerId,
    String state, List<String> tags, String updatedAt, long version, String language, List<String> languages,
    String title, String summary, Optional<String> bodyHtml, String readerBand, String shareUrl,
    Optional<Long> versions, Optional<Long> reads, Optional<Helpful> helpful, Optional<Map<String, ArticleText>> texts) {

  public record Helpful(long yes, long no) {}

  /** The portal's route of an article, relative: the portal puts its own origin in front. */
  public static String shareUrl(String slug) {
    return "/#/kb/a/" + slug;
  }

  /** {@code body}: the sanitised body, or empty in lists; {@code staff}: with counts; {@code edit}: with every text. */
  static ArticleView of(CountedArticle counted, Language wanted, Optional<String> body, boolean staff, boolean edit) {
    Article a = counted.article();
    ArticleCounts counts = counted.counts();
    Language language = a.languageFor(wanted);
    ArticleText text = a.texts().get(language);
    Map<String, ArticleText> texts = new LinkedHashMap<>();
    a.languages().forEach(l -> texts.put(l.tag(), a.texts().get(l)));
    return new ArticleView(a.articleId(), a.slug(), a.categoryId(), a.visibility().wireName(),
        a.customerId().map(TenantId::value), a.state().wireName(), a.tags(), a.updatedAt().toString(), a.version(),
        language.tag(), a.languages().stream().map(Language::tag).toList(), text.title(), text.summary(), body,
        counts.band().wireName(), shareUrl(a.slug()),
        staff ? Optional.of(a.version()) : Optional.empty(),
        staff ? Optional.of(counts.reads()) : Optional.empty(),
        staff ? Optional.of(new Helpful(counts.helpfulYes(), counts.helpfulNo())) : Optional.empty(),
        edit ? Optional.of(texts) : Optional.empty());
  }
}
