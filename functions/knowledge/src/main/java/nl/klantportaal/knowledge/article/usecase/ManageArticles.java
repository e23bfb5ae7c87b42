package nl.klantportaal.knowledge.article.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.RandomIds;
import nl.klantportaal.core.shared.domain.Validation;
import nl.klantportaal.core.shared.domain.Versions;
import nl.klantportaal.knowledge.article.domain.Article;
import nl.klantportaal.knowledge.article.domain.ArticleState;
import nl.klantportaal.knowledge.article.domain.CountedArticle;
import nl.klantportaal.knowledge.article.domain.Slugs;
import nl.klantportaal.knowledge.article.port.ArticleRepository;
import nl.klantportaal.knowledge.article.port.CategoryRepository;
import nl.klantportaal.knowledge.article.port.PublishedArticles;
import nl.klantportaal.knowledge.port.CustomerCheck;

/**
 * Provider staff write articles: create a draft, change it (on its version), publish and unpublish. Each is a
 * new version with its audit entry; the listeners (the search index, once merged) hear of every change to
 * what readers can see, after the write.
 */
public final class ManageArticles {
  /** How many numbered alternatives of a taken slug a create tries ({@code slug-2} ... {@code slug-20}). */
  private static final int SLUG_TRIES = 20;
  public static final String AUDIT_KIND = "kb-article";
  private final ArticleRepository articles;
  private final CategoryRepository categories;
  private final List<PublishedArticles> listeners;
  private final CustomerCheck customers;
  private final Clock clock;

  public ManageArticles(ArticleRepository articles, CategoryRepository categories, List<PublishedArticles> listeners,
      CustomerCheck customers, Clock clock) {
    this.articles = articles;
    this.categories = categories;
    this.customers = customers;
    this.listeners = List.copyOf(listeners);
    this.clock = clock;
  }

  public Article create(Caller staff, ArticleInput input) {
    Validation v = new Validation();
    v.check(input.version() == null, "version", "not-allowed", "is only sent with a change");
    var slug = input.checkedSlug(v);
    var checked = checked(v, input);
    Instant now = clock.instant();
    String id = "kb-" + now.toString().substring(0, 10).replace("-", "") + "-" + RandomIds.suffix();
    String base = slug.orElseGet(() -> Slugs.of(checked.texts().values().iterator().next().title()));
    for (int n = 1; n <= SLUG_TRIES; n++) {
      String candidate = n == 1 ? base : Slugs.numbered(base, n);
      Article draft = new Article(id, candidate, checked.categoryId(), checked.visibility(), checked.customerId(),
          ArticleState.DRAFT, checked.tags(), checked.texts(), now, now, staff.userId().value(), 1);
      if (articles.create(draft, audit(staff, "kb-article.created", draft))) {
        return draft;
      }
      if (slug.isPresent()) {
        throw new DomainException.Conflict(DomainException.Conflict.Kind.ALREADY_EXISTS, "The slug " + base + " is taken");
      }
    }
    throw new DomainException.Conflict(DomainException.Conflict.Kind.ALREADY_EXISTS,
        "Too many articles share the slug " + base + "; give this one a slug of its own");
  }

  public Article update(Caller staff, String articleId, ArticleInput input) {
    Validation v = new Validation();
    v.check(input.version() != null, "version", "required", "is required: the version you changed");
    v.check(input.slug() == null, "slug", "not-allowed", "never changes: the share link stays");
    var checked = checked(v, input);
    Article stored = existing(articleId);
    Versions.require("Article " + articleId, stored.version(), input.version());
    Article next = stored.edited(checked.categoryId(), checked.visibility(), checked.customerId(), checked.tags(),
        checked.texts(), clock.instant(), staff.userId().value());
    articles.update(next, audit(staff, "kb-article.changed", next));
    if (next.isPublished()) {
      announcePublished(next);
    }
    return next;
  }

  public Article publish(Caller staff, String articleId) {
    Article stored = existing(articleId);
    if (stored.isPublished()) {
      // A publish whose search entry could not be written (SearchIndex: the index kept changing) is done again
      // this way: the listeners hear of it again (an index that has it already is not written), then the answer.
      announcePublished(stored);
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE, "The article is published already");
    }
    Article next = stored.inState(ArticleState.PUBLISHED, clock.instant(), staff.userId().value());
    articles.update(next, audit(staff, "kb-article.published", next));
    announcePublished(next);
    return next;
  }

  public Article unpublish(Caller staff, String articleId) {
    Article stored = existing(articleId);
    if (!stored.isPublished()) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE, "The article is a draft already");
    }
    Article next = stored.inState(ArticleState.DRAFT, clock.instant(), staff.userId().value());
    // Out of search first, so search never shows a draft: when that fails the article stays published and
    // searchable as it was; when the article's own write fails after it, the article is published but not
    // found by search until it is unpublished again (or changed).
    listeners.forEach(l -> l.withdrawn(next.articleId()));
    articles.update(next, audit(staff, "kb-article.unpublished", next));
    // Once more after the write (nothing is written when it is out already): a publish's index write that came
    // after the first removal is undone, and that publish, reading the article after its write, sees the draft.
    listeners.forEach(l -> l.withdrawn(next.articleId()));
    return next;
  }

  /**
   * Tells the listeners of a published version, then reads the article again: a change that came in meanwhile (an
   * unpublish, a newer edit) may have been overtaken by this index write, so the article as stored now decides
   * what the index keeps. With the unpublish's removal after its own write, search never keeps a draft.
   */
  private void announcePublished(Article written) {
    listeners.forEach(l -> l.published(written));
    Article now = existing(written.articleId());
    if (!now.isPublished()) {
      listeners.forEach(l -> l.withdrawn(now.articleId()));
    } else if (now.version() != written.version()) {
      listeners.forEach(l -> l.published(now));
    }
  }

  private ArticleInput.Checked checked(Validation v, ArticleInput input) {
    Optional<ArticleInput.Checked> checked = input.check(v);
    checked.ifPresent(c -> v.check(categories.find(c.categoryId()).isPresent(), "categoryId", "unknown",
        "is not a category"));
    checked.flatMap(ArticleInput.Checked::customerId).ifPresent(c -> v.check(customers.exists(c), "customerId", "unknown",
        "is not a customer"));
    v.throwIfInvalid();
    return checked.orElseThrow();
  }

  private Article existing(String articleId) {
    return articles.find(articleId).map(CountedArticle::article)
        .orElseThrow(() -> new DomainException.NotFound("Article"));
  }

  private AuditRecord audit(Caller staff, String action, Article article) {
    return AuditRecord.of(article.updatedAt(), staff.userId().value(), action, new AuditObject(AUDIT_KIND, article.articleId()))
        .with("version", Long.toString(article.version())).with("state", article.state().wireName())
        .with("visibility", article.visibility().wireName());
  }
}
