package nl.klantportaal.ticketing.usecase;

import java.time.Clock;
import java.util.List;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.claims.UserId;
import java.util.Map;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.FieldError;
import nl.klantportaal.core.shared.domain.LocalizedText;
import nl.klantportaal.core.shared.domain.TextInput;
import nl.klantportaal.core.shared.domain.Validation;
import nl.klantportaal.ticketing.domain.Catalogue;
import nl.klantportaal.ticketing.domain.Category;
import nl.klantportaal.ticketing.domain.FormField;
import nl.klantportaal.ticketing.domain.FormSchema;
import nl.klantportaal.ticketing.domain.RequestType;
import nl.klantportaal.ticketing.port.CatalogueRepository;

/**
 * The catalogue customers choose from (GET /catalogue) and the provider admin's changes to it
 * (PUT /catalogue/categories/{id}, PUT /catalogue/request-types/{id}); retiring is {@code active: false}. Every change
 * is made on the version read (409 version-conflict when stale) or, with If-None-Match: *, on a free id only.
 */
public final class CatalogueAdmin {
  private static final String SLUG = "[a-z0-9][a-z0-9-]{1,39}";
  private final CatalogueRepository catalogue;
  private final Clock clock;

  public CatalogueAdmin(CatalogueRepository catalogue, Clock clock) {
    this.catalogue = catalogue;
    this.clock = clock;
  }

  public Catalogue read() {
    return catalogue.load();
  }

  /** {@code version}: the one read, required on an edit (see {@link #saveCategory}). */
  public record CategoryInput(TextInput name, Boolean active, Long version) {}

  public record OptionInput(String value, TextInput label) {}

  public record FieldInput(String name, String kind, TextInput label, Boolean required, List<OptionInput> options,
      Integer maxLength) {}

  /** {@code version}: the one read, required on an edit (see {@link #saveRequestType}). */
  public record RequestTypeInput(TextInput name, TextInput description, String category, List<FieldInput> fields,
      Boolean approvalRequired, Boolean active, Long version) {}

  /** A saved entry and the version it now has, which the next edit sends. */
  public record Saved<T>(T entry, long version) {}

  /**
   * An edit ({@link CatalogueRepository.Mode#REPLACE}) replaces what the id holds if it is still at the {@code version}
   * read (0: a shipped entry never changed, or an entry stored before entries had versions; also a new id nobody took
   * meanwhile); a stale one is a 409 version-conflict and nothing changes. Without {@code version} an edit is refused
   * (400): a PUT never replaces blindly.
   *
   * <p>With {@link CatalogueRepository.Mode#CREATE} (PUT with If-None-Match: *) only a new id is taken: one the catalogue
   * has already (shipped or stored, or stored meanwhile by someone else) is a 409 already-exists and nothing changes. A
   * create needs no version (one sent must be 0). Either way the entry is stored one version on.
   */
  public Saved<Category> saveCategory(UserId actor, String id, CategoryInput input, CatalogueRepository.Mode mode) {
    Validation v = new Validation();
    requireSlug(id);
    LocalizedText name = TextInput.read(v, "name", input.name(), 80);
    long read = readVersion(v, input.version(), mode);
    v.throwIfInvalid();
    requireNew(mode, () -> catalogue.load().categories().stream().anyMatch(c -> c.id().equals(id)), "category", id);
    Category category = new Category(id, name, !Boolean.FALSE.equals(input.active()));
    if (!catalogue.save(category, read, new AuditRecord(clock.instant(), actor.value(), "category-saved",
        new AuditObject("category", id), Map.of("active", String.valueOf(category.active()),
            "version", String.valueOf(read + 1))), mode)) {
      throw refused(mode, "category", id);
    }
    return new Saved<>(category, read + 1);
  }

  /** As {@link #saveCategory}, for a request type. */
  public Saved<RequestType> saveRequestType(UserId actor, String id, RequestTypeInput input, CatalogueRepository.Mode mode) {
    Validation v = new Validation();
    requireSlug(id);
    LocalizedText name = TextInput.read(v, "name", input.name(), 120);
    LocalizedText description = TextInput.read(v, "description", input.description(), 1000);
    var category = v.requiredText("category", input.category(), 40);
    Catalogue current = catalogue.load();
    category.ifPresent(c -> v.check(current.activeCategory(c).isPresent(), "category", "one-of",
        "is not an active category"));
    v.check(input.fields() != null && !input.fields().isEmpty() && input.fields().size() <= 30, "fields", "size",
        "must hold 1 to 30 fields");
    List<FormField> fields = new java.util.ArrayList<>();
    if (input.fields() != null && input.fields().size() <= 30) {
      for (int i = 0; i < input.fields().size(); i++) {
        field(v, "fields[" + i + "]", input.fields().get(i)).ifPresent(fields::add);
      }
    }
    v.check(fields.stream().map(FormField::name).distinct().count() == fields.size(), "fields", "duplicate",
        "field names must be unique");
    long read = readVersion(v, input.version(), mode);
    v.throwIfInvalid();
    requireNew(mode, () -> current.requestTypes().stream().anyMatch(r -> r.id().equals(id)), "request type", id);
    RequestType type = new RequestType(id, name, description, category.orElseThrow(), new FormSchema(fields),
        !Boolean.FALSE.equals(input.approvalRequired()), !Boolean.FALSE.equals(input.active()));
    if (!catalogue.save(type, read, new AuditRecord(clock.instant(), actor.value(), "request-type-saved",
        new AuditObject("request-type", id), Map.of("active", String.valueOf(type.active()),
            "category", type.category(), "fields", String.valueOf(fields.size()), "version", String.valueOf(read + 1))), mode)) {
      throw refused(mode, "request type", id);
    }
    return new Saved<>(type, read + 1);
  }

  /**
   * The version an edit was made on: required, a whole number from 0. A create (If-None-Match: *) is made on nothing,
   * so it needs none; one sent with it must be 0.
   */
  private static long readVersion(Validation v, Long version, CatalogueRepository.Mode mode) {
    if (mode == CatalogueRepository.Mode.CREATE) {
      v.check(version == null || version == 0, "version", "not-allowed",
          "is not sent with If-None-Match: * (a create), or is 0");
      return 0;
    }
    v.check(version != null && version >= 0, "version", "required",
        "is required on a change: the version you read (0 while the shipped entry is in force)");
    return version == null ? 0 : version;
  }

  /** CREATE only: refused before anything is written when the catalogue (shipped or stored) has the id. */
  private static void requireNew(CatalogueRepository.Mode mode, java.util.function.BooleanSupplier exists, String what,
      String id) {
    if (mode == CatalogueRepository.Mode.CREATE && exists.getAsBoolean()) {
      throw taken(what, id);
    }
  }

  /** The save's condition failed: a CREATE's id was stored meanwhile; an edit's version is no longer the stored one. */
  private static DomainException.Conflict refused(CatalogueRepository.Mode mode, String what, String id) {
    if (mode == CatalogueRepository.Mode.CREATE) {
      return taken(what, id);
    }
    return new DomainException.Conflict(DomainException.Conflict.Kind.VERSION,
        "The " + what + " '" + id + "' was changed by someone else; read it again and redo your change on its new version");
  }

  /** The id is taken: found by the check above, or stored meanwhile (the CREATE's conditional put failed). */
  private static DomainException.Conflict taken(String what, String id) {
    return new DomainException.Conflict(DomainException.Conflict.Kind.ALREADY_EXISTS,
        "The catalogue has a " + what + " '" + id + "' already: open it to change it, or choose another id");
  }

  private static java.util.Optional<FormField> field(Validation v, String path, FieldInput input) {
    if (input == null) {
      v.check(false, path, "required", "is required");
      return java.util.Optional.empty();
    }
    boolean nameOk = input.name() != null && input.name().matches("[a-z][a-zA-Z0-9]{0,39}");
    v.check(nameOk, path + ".name", "format", "must be a short camelCase identifier");
    var kind = v.requiredEnum(path + ".kind", input.kind(), FormField.Kind.values(), FormField.Kind::wireName);
    LocalizedText label = TextInput.read(v, path + ".label", input.label(), 120);
    List<FormField.Option> options = new java.util.ArrayList<>();
    if (input.options() != null) {
      for (int i = 0; i < input.options().size(); i++) {
        OptionInput option = input.options().get(i);
        String optionPath = path + ".options[" + i + "]";
        boolean valueOk = option != null && option.value() != null && option.value().matches("[a-z0-9][a-z0-9-]{0,39}");
        v.check(valueOk, optionPath + ".value", "format", "must be a lower-case slug");
        LocalizedText optionLabel = TextInput.read(v, optionPath + ".label", option == null ? null : option.label(), 120);
        if (valueOk && optionLabel != null) {
          options.add(new FormField.Option(option.value(), optionLabel));
        }
      }
    }
    boolean choice = kind.filter(k -> k == FormField.Kind.CHOICE).isPresent();
    v.check(choice == !options.isEmpty() || kind.isEmpty(), path + ".options", "shape",
        "choice fields need options; other fields have none");
    int maxLength = input.maxLength() == null ? 500 : input.maxLength();
    v.check(maxLength >= 1 && maxLength <= 4000, path + ".maxLength", "range", "must be 1..4000");
    if (!nameOk || kind.isEmpty() || label == null || choice == options.isEmpty() || maxLength < 1 || maxLength > 4000) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new FormField(input.name(), kind.get(), label, Boolean.TRUE.equals(input.required()),
        options, maxLength));
  }

  private static void requireSlug(String id) {
    if (id == null || !id.matches(SLUG)) {
      throw new DomainException.InvalidInput(List.of(new FieldError("id", "format", "must be a lower-case slug")));
    }
  }

}
