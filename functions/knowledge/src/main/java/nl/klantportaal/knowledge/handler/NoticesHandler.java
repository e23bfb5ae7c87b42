package nl.klantportaal.knowledge.handler;

import java.util.Map;
import nl.klantportaal.core.api.ApiRequest;
import nl.klantportaal.core.api.ApiResponse;
import nl.klantportaal.core.api.HttpApiHandler;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.api.Routes;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.knowledge.notice.usecase.AnswerLanguage;
import nl.klantportaal.knowledge.notice.usecase.NoticeInput;
import nl.klantportaal.knowledge.notice.usecase.NoticeUpdateInput;
import nl.klantportaal.knowledge.notice.usecase.NoticeView;
import nl.klantportaal.knowledge.notice.wiring.NoticeWiring;
import nl.klantportaal.mail.wiring.MailWiring;

/**
 * Service notices (docs/knowledge.md, "Service notices"): the public status page without a token; signed in, a customer's
 * people read the notices for all customers or their own, provider staff read all (with whom they affect), open notices and
 * post updates, which are mailed to the affected customers' admins.
 */
public final class NoticesHandler extends HttpApiHandler {

  public NoticesHandler() {
    this(System.getenv());
  }

  public NoticesHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public NoticesHandler(KernelWiring wiring) {
    this(wiring, MailWiring.sender(wiring));
  }

  public NoticesHandler(KernelWiring wiring, MailSender sender) {
    super(routes(NoticeWiring.of(wiring, sender)));
  }

  private static Language lang(ApiRequest r) {
    return AnswerLanguage.of(r.query("lang"), r.language());
  }

  private static Routes routes(NoticeWiring notices) {
    var view = notices.view();
    var manage = notices.manage();
    return Routes.of(
        Route.of("GET /public/status", Access.PUBLIC, r -> ApiResponse.ok(view.statusPage(lang(r)))),
        Route.of("GET /notices", Access.LINKED, r -> ApiResponse.ok(view.list(r.requireCaller(), r.query("state"), lang(r)))),
        Route.of("GET /notices/{noticeId}", Access.LINKED, r -> ApiResponse.ok(
            view.get(r.requireCaller(), r.pathParameter("noticeId"), lang(r)))),
        Route.of("POST /notices", Access.PROVIDER_STAFF, r -> {
          var created = manage.create(r.requireCaller(), r.jsonBody(NoticeInput.class));
          return ApiResponse.created("/notices/" + created.id(), NoticeView.of(created, lang(r), true));
        }),
        Route.of("POST /notices/{noticeId}/updates", Access.PROVIDER_STAFF, r -> {
          var updated = manage.update(r.requireCaller(), r.pathParameter("noticeId"), r.jsonBody(NoticeUpdateInput.class));
          return ApiResponse.created("/notices/" + updated.id(), NoticeView.of(updated, lang(r), true));
        }));
  }
}
