package nl.klantportaal.accounts.identity.usecase;

import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.audit.AuditTrail;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.paging.PageView;
import nl.klantportaal.core.shared.domain.Validation;

/**
 * The provider admin's view of the audit trail of every context: the entries about one object
 * ({@code object=<kind>:<id>}, for example {@code customer:acme-k3j9pq} or {@code ticket:acme-k3j9pq-42}),
 * or the entries one actor wrote ({@code actor=<user id>}), newest first. Entries name people by id only.
 */
public final class ShowAudit {
  private final AuditTrail trail;

  public ShowAudit(AuditTrail trail) {
    this.trail = trail;
  }

  public record ObjectView(String kind, String id) {}

  public record EntryView(String at, String actorId, String action, ObjectView object, Map<String, String> details) {
    static EntryView of(AuditRecord r) {
      return new EntryView(r.at().toString(), r.actorId(), r.action(), new ObjectView(r.object().kind(), r.object().id()),
          r.details());
    }
  }

  public PageView<EntryView> execute(Optional<String> object, Optional<String> actor, PageRequest page) {
    Validation v = new Validation();
    v.check(object.isPresent() != actor.isPresent(), object.isPresent() ? "actor" : "object", "one-of",
        "give either object=<kind>:<id> or actor=<user id>");
    Optional<AuditObject> about = object.flatMap(ShowAudit::parse);
    object.ifPresent(o -> v.check(about.isPresent(), "object", "format", "must be <kind>:<id>, for example customer:acme-k3j9pq"));
    actor.ifPresent(a -> v.check(a.matches("[A-Za-z0-9._:@+-]{1,128}"), "actor", "format", "must be a user id or system"));
    v.throwIfInvalid();
    var found = about.isPresent() ? trail.ofObject(about.get(), page) : trail.byActor(actor.orElseThrow(), page);
    return PageView.of(found, EntryView::of);
  }

  static Optional<AuditObject> parse(String object) {
    int colon = object.indexOf(':');
    if (colon < 1) {
      return Optional.empty();
    }
    String kind = object.substring(0, colon);
    String id = object.substring(colon + 1);
    return AuditObject.valid(kind, id) ? Optional.of(new AuditObject(kind, id)) : Optional.empty();
  }
}
