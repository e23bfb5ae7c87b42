package nl.klantportaal.knowledge.article.port;

import java.util.List;
import java.util.Optional;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.knowledge.article.domain.Category;

/** The categories, all in one partition; a change holds only on its stored version. */
public interface CategoryRepository {

  /** False when the id is taken (nothing written). */
  boolean create(Category category, AuditRecord audit);

  void update(Category next, AuditRecord audit);

  Optional<Category> find(String categoryId);

  /** Every category, in their {@code order}. */
  List<Category> all();
}
