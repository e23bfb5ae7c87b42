package nl.klantportaal.ticketing.usecase;

import java.util.List;
import nl.klantportaal.core.shared.domain.LocalizedText;
import nl.klantportaal.ticketing.domain.Catalogue;
import nl.klantportaal.ticketing.domain.Category;
import nl.klantportaal.ticketing.domain.FormField;
import nl.klantportaal.ticketing.domain.RequestType;

/**
 * The catalogue as the API answers it: every text in nl, en and de; enum values by their wire names; each entry with the
 * version an edit of it sends (0 while the shipped one is in force).
 */
public record CatalogueView(List<CategoryView> categories, List<RequestTypeView> requestTypes) {

  public record CategoryView(String id, LocalizedText name, boolean active, long version) {}

  public record OptionView(String value, LocalizedText label) {}

  public record FieldView(String name, String kind, LocalizedText label, boolean required, List<OptionView> options,
      int maxLength) {}

  public record FormView(List<FieldView> fields) {}

  public record RequestTypeView(String id, LocalizedText name, LocalizedText description, String category, FormView form,
      boolean approvalRequired, boolean active, long version) {}

  public static CatalogueView of(Catalogue catalogue) {
    return new CatalogueView(catalogue.categories().stream().map(c -> of(c, catalogue.categoryVersion(c.id()))).toList(),
        catalogue.requestTypes().stream().map(r -> of(r, catalogue.requestTypeVersion(r.id()))).toList());
  }

  public static CategoryView of(Category c, long version) {
    return new CategoryView(c.id(), c.name(), c.active(), version);
  }

  public static RequestTypeView of(RequestType r, long version) {
    return new RequestTypeView(r.id(), r.name(), r.description(), r.category(),
        new FormView(r.form().fields().stream().map(CatalogueView::of).toList()), r.approvalRequired(), r.active(), version);
  }

  /** A saved category as the PUT answers it: with its new version. */
  public static CategoryView ofCategory(CatalogueAdmin.Saved<Category> saved) {
    return of(saved.entry(), saved.version());
  }

  /** A saved request type as the PUT answers it: with its new version. */
  public static RequestTypeView ofRequestType(CatalogueAdmin.Saved<RequestType> saved) {
    return of(saved.entry(), saved.version());
  }

  private static FieldView of(FormField f) {
    return new FieldView(f.name(), f.kind().wireName(), f.label(), f.required(),
        f.options().stream().map(o -> new OptionView(o.value(), o.label())).toList(), f.maxLength());
  }
}
