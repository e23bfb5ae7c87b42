package nl.klantportaal.tickets.handler;

import java.time.Instant;
import java.util.Map;
import nl.klantportaal.tickets.wiring.AttachmentWiring;
import nl.klantportaal.core.api.ApiProblem;
import nl.klantportaal.core.api.ApiRequest;
import nl.klantportaal.core.api.ApiResponse;
import nl.klantportaal.core.api.HttpApiHandler;
import nl.klantportaal.core.api.ProblemType;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.api.Routes;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.core.observability.Observability;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.port.AttachmentStore.PresignedRequest;
import nl.klantportaal.ticketing.usecase.AttachmentView;
import nl.klantportaal.ticketing.usecase.ConfirmAttachmentUpload;
import nl.klantportaal.ticketing.usecase.DeleteAttachment;
import nl.klantportaal.ticketing.usecase.GetAttachmentDownload;
import nl.klantportaal.ticketing.usecase.RequestAttachmentUpload;
import nl.klantportaal.ticketing.usecase.TicketAccess;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.sla.wiring.SlaWiring;
import nl.klantportaal.ticketing.wiring.TicketWiring;

/**
 * Attachments of a ticket in three steps: announce a file and get a presigned upload into
 * quarantine, upload it to S3 directly, confirm it (size and first bytes checked, moved out of
 * quarantine); downloads are short-lived presigned links. Who may see the ticket decides (404 otherwise).
 */
public final class AttachmentsHandler extends HttpApiHandler {

  public AttachmentsHandler() {
    this(System.getenv());
  }

  public AttachmentsHandler(Map<String, String> environment) {
    this(KernelWiring.fromEnvironment(environment));
  }

  public AttachmentsHandler(KernelWiring wiring) {
    super(routes(wiring));
  }

  private static Routes routes(KernelWiring wiring) {
    var ticketWiring = TicketWiring.of(wiring);
    var access = new TicketAccess(SlaWiring.of(wiring).tickets(), IdentityWiring.of(wiring).users());
    var store = AttachmentWiring.store(wiring);
    var request = new RequestAttachmentUpload(access, ticketWiring.attachments(), store, wiring.clock());
    var confirm = new ConfirmAttachmentUpload(access, ticketWiring.attachments(), store, wiring.clock());
    var download = new GetAttachmentDownload(access, ticketWiring.attachments(), store);
    var delete = new DeleteAttachment(access, ticketWiring.attachments(), store, wiring.clock());
    return Routes.of(
        Route.of("POST /tickets/{ticketId}/attachments", Access.LINKED, call -> {
          var offer = request.execute(call.requireCaller(), ticketId(call),
              call.jsonBody(RequestAttachmentUpload.UploadInput.class));
          var u = offer.upload();
          return ApiResponse.json(201, new UploadOffered(u.id(), u.fileName(), u.kind().contentType(), u.size(),
              u.expiresAt(), PresignedLink.of(offer.put())));
        }),
        Route.of("POST /tickets/{ticketId}/attachments/{attachmentId}/confirm", Access.LINKED, call -> {
          TicketRef ref = ticketId(call);
          return switch (confirm.execute(call.requireCaller(), ref, call.pathParameter("attachmentId"))) {
            case ConfirmAttachmentUpload.Outcome.Confirmed c when c.repeated() -> ApiResponse.ok(AttachmentView.of(c.attachment()));
            case ConfirmAttachmentUpload.Outcome.Confirmed c -> {
              Observability.count("AttachmentAdded");
              yield ApiResponse.created("/tickets/" + ref.token() + "/attachments/" + c.attachment().id(),
                  AttachmentView.of(c.attachment()));
            }
            case ConfirmAttachmentUpload.Outcome.Refused r -> throw refusal(r);
          };
        }),
        Route.of("GET /tickets/{ticketId}/attachments/{attachmentId}", Access.LINKED, call -> {
          var d = download.execute(call.requireCaller(), ticketId(call), call.pathParameter("attachmentId"));
          return ApiResponse.ok(new DownloadOffered(AttachmentView.of(d.attachment()), PresignedLink.of(d.get())));
        }),
        Route.of("DELETE /tickets/{ticketId}/attachments/{attachmentId}", Access.LINKED, call -> {
          delete.execute(call.requireCaller(), ticketId(call), call.pathParameter("attachmentId"));
          return ApiResponse.noContent();
        }));
  }

  /** The answer to an announcement: the upload's id, the sanitised name, and the request to make to S3. */
  public record UploadOffered(String uploadId, String fileName, String contentType, long size, Instant expiresAt,
      PresignedLink upload) {}

  /** A presigned request: send {@code method} to {@code url} with exactly these headers before {@code expiresAt}. */
  public record PresignedLink(String method, String url, Map<String, String> headers, Instant expiresAt) {
    static PresignedLink of(PresignedRequest r) {
      return new PresignedLink(r.method(), r.url().toString(), r.headers(), r.expiresAt());
    }
  }

  public record DownloadOffered(AttachmentView attachment, PresignedLink download) {}

  /** The {ticketId} path parameter (the ticket's token); one that cannot be a ticket is a ticket that does not exist. */
  private static TicketRef ticketId(ApiRequest request) {
    String raw = request.pathParameter("ticketId");
    return TicketRef.parse(raw).orElseThrow(() -> new DomainException.NotFound("Ticket " + raw));
  }

  private static ApiProblem refusal(ConfirmAttachmentUpload.Outcome.Refused refused) {
    Observability.count("AttachmentRefused");
    ProblemType type = switch (refused.reason()) {
      case NOT_RECEIVED -> ProblemType.UPLOAD_NOT_RECEIVED;
      case EXPIRED -> ProblemType.UPLOAD_EXPIRED;
      case SIZE_MISMATCH -> ProblemType.ATTACHMENT_SIZE_MISMATCH;
      case TYPE_NOT_ALLOWED -> ProblemType.ATTACHMENT_TYPE_NOT_ALLOWED;
    };
    return new ApiProblem(type, refused.detail());
  }
}
