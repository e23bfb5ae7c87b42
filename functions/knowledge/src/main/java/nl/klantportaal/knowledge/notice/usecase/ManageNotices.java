package nl.klantportaal.knowledge.notice.usecase;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.FieldError;
import nl.klantportaal.core.shared.domain.RandomIds;
import nl.klantportaal.knowledge.notice.domain.Affects;
import nl.klantportaal.knowledge.notice.domain.Notice;
import nl.klantportaal.knowledge.notice.domain.NoticeOccasion;
import nl.klantportaal.knowledge.notice.port.NoticeRepository;
import nl.klantportaal.knowledge.port.CustomerCheck;

/**
 * Provider staff open a notice and post its updates. Each change is written with its audit entry and, when it is mailed
 * (the creation, a status change), its pending mailing, in one conditional transaction; then the mail goes out
 * ({@link SendNoticeMails}).
 */
public final class ManageNotices {
  static final Pattern ID = Pattern.compile("ntc-[0-9]{8}-[a-z0-9]{6}");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

  private final NoticeRepository notices;
  private final CustomerCheck customers;
  private final SendNoticeMails mails;
  private final ViewNotices view;
  private final Clock clock;

  public ManageNotices(NoticeRepository notices, CustomerCheck customers, SendNoticeMails mails, Clock clock) {
    this.notices = notices;
    this.customers = customers;
    this.mails = mails;
    this.view = new ViewNotices(notices, clock);
    this.clock = clock;
  }

  public Notice create(Caller caller, NoticeInput input) {
    Instant now = clock.instant();
    NoticeInput.Valid v = input.validate(now);
    if (v.affects() instanceof Affects.Customers some) {
      List<String> unknown = some.customers().stream().filter(c -> !customers.exists(c)).map(TenantId::value).sorted().toList();
      if (!unknown.isEmpty()) {
        throw new DomainException.InvalidInput(List.of(new FieldError("affects.customers", "unknown",
            "names customers that do not exist: " + String.join(", ", unknown))));
      }
    }
    String id = "ntc-" + DAY.format(now) + "-" + RandomIds.suffix();
    Notice notice = Notice.open(id, v.kind(), v.service(), v.affects(), v.startsAt(), v.expectedEndAt(), v.status(), v.texts(),
        caller.userId().value(), now);
    NoticeOccasion created = NoticeOccasion.created(id);
    notices.create(notice, created, audit(caller, now, "notice-created", notice, Map.of("kind", v.kind().wireName(),
        "service", v.service(), "status", v.status().wireName())));
    mails.execute(created);
    return notice;
  }

  public Notice update(Caller caller, String noticeId, NoticeUpdateInput input) {
    Instant now = clock.instant();
    NoticeUpdateInput.Valid v = input.validate(now);
    Notice current = view.find(caller, noticeId);
    Notice.Updated updated = current.update(v.status(), v.expectedEndAt(), v.texts(), caller.userId().value(), now);
    Map<String, String> details = new LinkedHashMap<>();
    details.put("from", current.status().wireName());
    details.put("to", v.status().wireName());
    v.expectedEndAt().ifPresent(end -> details.put("expectedEndAt", end.toString()));
    notices.update(updated.notice(), updated.occasion(), audit(caller, now, "notice-updated", current, details));
    updated.occasion().ifPresent(mails::execute);
    return updated.notice();
  }

  private static AuditRecord audit(Caller caller, Instant at, String action, Notice notice, Map<String, String> details) {
    return new AuditRecord(at, caller.userId().value(), action, new AuditObject("notice", notice.id()), details);
  }

}
