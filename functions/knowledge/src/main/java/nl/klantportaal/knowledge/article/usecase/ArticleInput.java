package nl.klantportaal.knowledge.article.usecase;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.Validation;
import nl.klantportaal.knowledge.article.domain.ArticleText;
import nl.klantportaal.knowledge.article.domain.Slugs;
import nl.klantportaal.knowledge.article.domain.Visibility;

/**
 * The body of {@code POST /kb/articles} and {@code PUT /kb/articles/{articleId}}: category, visibility (with
 * {@code customerId} exactly for "customer"), tags and the language versions. {@code version} is required on a
 * change; {@code slug} may be given on a create (else it is made from the first title) and never changes.
 */
public record ArticleInput(String categoryId, String visibility, String customerId, List<String> tags,
    Map<String, LanguageText> texts, Long version, String slug) {

  public record LanguageText(String title, String summary, String bodyMarkdown) {}

  static final int MAX_TAGS = 12;
  private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

  /** What the input says, checked; every problem is a field error of {@code v}. */
  record Checked(String categoryId, Visibility visibility, Optional<TenantId> customerId, List<String> tags,
      Map<Language, ArticleText> texts) {}

  Optional<Checked> check(Validation v) {
    var category = v.requiredText("categoryId", categoryId, 64);
    var seen = v.requiredEnum("visibility", visibility, Visibility.values(), Visibility::wireName);
    Optional<TenantId> customer = Optional.empty();
    if (seen.isPresent() && seen.get() == Visibility.CUSTOMER) {
      var id = v.requiredText("customerId", customerId, 64);
      v.check(id.isEmpty() || TenantId.isValid(id.get()), "customerId", "format", "must be a customer id");
      customer = id.filter(TenantId::isValid).map(TenantId::new);
    } else {
      v.check(customerId == null, "customerId", "not-allowed", "is only for the visibility customer");
    }
    List<String> cleanTags = new ArrayList<>();
    if (tags != null) {
      v.check(tags.size() <= MAX_TAGS, "tags", "too-many", "must have at most " + MAX_TAGS + " items");
      for (int i = 0; i < tags.size() && i < MAX_TAGS; i++) {
        String tag = tags.get(i) == null ? "" : tags.get(i).strip().toLowerCase(Locale.ROOT);
        v.check(TAG.matcher(tag).matches(), "tags[" + i + "]", "format",
            "must be 1 to 32 lower-case letters, digits or '-'");
        if (TAG.matcher(tag).matches() && !cleanTags.contains(tag)) {
          cleanTags.add(tag);
        }
      }
    }
    Map<Language, ArticleText> languageTexts = new EnumMap<>(Language.class);
    if (texts == null || texts.isEmpty()) {
      v.check(false, "texts", "required", "needs at least one of nl, en, de");
    } else {
      texts.forEach((tag, text) -> {
        Optional<Language> language = java.util.Arrays.stream(Language.values()).filter(l -> l.tag().equals(tag)).findFirst();
        if (language.isEmpty()) {
          v.check(false, "texts." + tag, "one-of", "must be one of [nl, en, de]");
        } else if (text == null) {
          v.check(false, "texts." + tag, "required", "is required");
        } else {
          var title = v.requiredText("texts." + tag + ".title", text.title(), ArticleText.MAX_TITLE);
          var summary = v.requiredText("texts." + tag + ".summary", text.summary(), ArticleText.MAX_SUMMARY);
          var body = v.requiredMultilineText("texts." + tag + ".bodyMarkdown", text.bodyMarkdown(), ArticleText.MAX_BODY);
          if (title.isPresent() && summary.isPresent() && body.isPresent()) {
            languageTexts.put(language.get(), new ArticleText(title.get(), summary.get(), body.get()));
          }
        }
      });
    }
    if (!v.isValid() || category.isEmpty() || seen.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Checked(category.get(), seen.get(), customer, cleanTags, languageTexts));
  }

  /** The slug asked for on a create, checked; empty when none was given. */
  Optional<String> checkedSlug(Validation v) {
    if (slug == null) {
      return Optional.empty();
    }
    v.check(Slugs.isSlug(slug), "slug", "format", "must be lower-case letters and digits joined by '-', at most "
        + Slugs.MAX + " characters");
    return Slugs.isSlug(slug) ? Optional.of(slug) : Optional.empty();
  }
}
