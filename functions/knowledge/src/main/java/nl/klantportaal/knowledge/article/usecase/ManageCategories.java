package nl.klantportaal.knowledge.article.usecase;

import java.time.Clock;
import java.time.Instant;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.LocalizedText;
import nl.klantportaal.core.shared.domain.TextInput;
import nl.klantportaal.core.shared.domain.Validation;
import nl.klantportaal.core.shared.domain.Versions;
import nl.klantportaal.knowledge.article.domain.Category;
import nl.klantportaal.knowledge.article.domain.Slugs;
import nl.klantportaal.knowledge.article.port.CategoryRepository;

/** Provider admins keep the categories: {@code cat-<slug>} ids, names in three languages, an order; audited. */
public final class ManageCategories {
  private final CategoryRepository categories;
  private final Clock clock;

  public ManageCategories(CategoryRepository categories, Clock clock) {
    this.categories = categories;
    this.clock = clock;
  }

  public Category create(Caller admin, CategoryInput input) {
    Validation v = new Validation();
    v.check(input.version() == null, "version", "not-allowed", "is only sent with a change");
    Checked checked = check(v, input);
    return create(admin, "cat-" + checked.slug(), input);
  }

  /** A category with an id of the caller's choosing (the demo data's, which other seeds refer to). */
  public Category create(Caller admin, String categoryId, CategoryInput input) {
    Checked checked = check(new Validation(), input);
    Instant now = clock.instant();
    Category category = new Category(categoryId, checked.slug(), checked.names(), checked.order(), now, 1);
    if (!categories.create(category, audit(admin, "kb-category.created", category))) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ALREADY_EXISTS,
          "The category " + categoryId + " exists already");
    }
    return category;
  }

  public Category update(Caller admin, String categoryId, CategoryInput input) {
    Validation v = new Validation();
    v.check(input.version() != null, "version", "required", "is required: the version you changed");
    Checked checked = check(v, input);
    Category stored = categories.find(categoryId).orElseThrow(() -> new DomainException.NotFound("Category"));
    Versions.require("Category " + categoryId, stored.version(), input.version());
    Category next = stored.changed(checked.slug(), checked.names(), checked.order(), clock.instant());
    categories.update(next, audit(admin, "kb-category.changed", next));
    return next;
  }

  private record Checked(String slug, LocalizedText names, int order) {}

  private static Checked check(Validation v, CategoryInput input) {
    var slug = v.requiredText("slug", input.slug(), Slugs.MAX);
    v.check(slug.isEmpty() || Slugs.isSlug(slug.get()), "slug", "format", "must be lower-case letters and digits joined by '-'");
    LocalizedText names = TextInput.read(v, "names", input.names(), 80);
    v.check(input.order() != null, "order", "required", "is required");
    v.check(input.order() == null || (input.order() >= 0 && input.order() <= 10_000), "order", "range",
        "must be from 0 to 10000");
    v.throwIfInvalid();
    return new Checked(slug.orElseThrow(), names, input.order());
  }

  private static AuditRecord audit(Caller admin, String action, Category category) {
    return AuditRecord.of(category.updatedAt(), admin.userId().value(), action, new AuditObject("kb-category",
        category.categoryId())).with("version", Long.toString(category.version()));
  }
}
