package nl.klantportaal.ticketing.usecase;

import java.util.List;
import nl.klantportaal.core.shared.domain.LocalizedText;
import nl.klantportaal.ticketing.domain.Catalogue;
import nl.klantportaal.ticketing.domain.Category;
import nl.klantportaal.ticketing.domain.FormField;
import nl.klantportaal.ticketing.domain.RequestType;

/** The catalogue as the API answers it: every text in nl, en and de; enum values by their wire names. */
public record CatalogueView(List<CategoryView> categories, List<RequestTypeView> requestTypes) {

  public record CategoryView(String id, LocalizedText name, boolean active) {}

  public record OptionView(String value, LocalizedText label) {}

  public record FieldView(String name, String kind, LocalizedText label, boolean required, List<OptionView> options,
      int maxLength) {}

  public record FormView(List<FieldView> fields) {}

  public record RequestTypeView(String id, LocalizedText name, LocalizedText description, String category, FormView form,
      boolean approvalRequired, boolean active) {}

  public static CatalogueView of(Catalogue catalogue) {
    return new CatalogueView(catalogue.categories().stream().map(CatalogueView::of).toList(),
        catalogue.requestTypes().stream().map(CatalogueView::of).toList());
  }

  public static CategoryView of(Category c) {
    return new CategoryView(c.id(), c.name(), c.active());
  }

  public static RequestTypeView of(RequestType r) {
    return new RequestTypeView(r.id(), r.name(), r.description(), r.category(),
        new FormView(r.form().fields().stream().map(CatalogueView::of).toList()), r.approvalRequired(), r.active());
  }

  private static FieldView of(FormField f) {
    return new FieldView(f.name(), f.kind().wireName(), f.label(), f.required(),
        f.options().stream().map(o -> new OptionView(o.value(), o.label())).toList(), f.maxLength());
  }
}
