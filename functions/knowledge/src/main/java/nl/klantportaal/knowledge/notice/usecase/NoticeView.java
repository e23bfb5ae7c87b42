package nl.klantportaal.knowledge.notice.usecase;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.knowledge.notice.domain.Affects;
import nl.klantportaal.knowledge.notice.domain.Notice;
import nl.klantportaal.knowledge.notice.domain.NoticeUpdate;

/**
 * A notice as the API answers it (docs/knowledge.md, "Service notices"), in one language, updates newest first. Only the
 * staff view carries {@code affects}; the public and customer views never name a customer.
 */
public final class NoticeView {
  private NoticeView() {}

  public static Map<String, Object> of(Notice notice, Language language, boolean staff) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("noticeId", notice.id());
    view.put("kind", notice.kind().wireName());
    view.put("service", notice.service());
    view.put("status", notice.status().wireName());
    view.put("startsAt", notice.startsAt().toString());
    notice.expectedEndAt().ifPresent(at -> view.put("expectedEndAt", at.toString()));
    notice.endedAt().ifPresent(at -> view.put("endedAt", at.toString()));
    view.put("current", notice.current());
    view.put("language", language.tag());
    view.put("title", notice.texts().get(language).title());
    view.put("body", notice.texts().get(language).body());
    List<NoticeUpdate> updates = notice.updates();
    view.put("updates", updates.reversed().stream().map(u -> Map.of("at", u.at().toString(), "status", u.status().wireName(),
        "text", u.text(language))).toList());
    if (staff) {
      view.put("affects", switch (notice.affects()) {
        case Affects.All all -> Map.of("all", true);
        case Affects.Customers some -> Map.of("customers", some.customers().stream().map(TenantId::value).sorted().toList());
      });
    }
    view.put("version", notice.version());
    return view;
  }
}
