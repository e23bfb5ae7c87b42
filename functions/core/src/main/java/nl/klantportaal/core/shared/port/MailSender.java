package nl.klantportaal.core.shared.port;

import java.util.List;
import java.util.Optional;

/** Sends one mail now (SES in AWS). Callers that must never send twice guard it with an outbox record. */
public interface MailSender {

  /** Sends from the portal's sender address and answers the provider's message id. */
  String send(OutgoingMail mail);

  /**
   * Sends a mail the caller threads itself: own Message-ID, {@code In-Reply-To}/{@code References}
   * to a thread root, a chosen sender and SES configuration set. Answers the provider's message id;
   * a refusal or an unreachable provider is a {@link SendFailure}.
   */
  String send(ThreadedMail mail);

  record OutgoingMail(List<String> to, String subject, String html, String text) {
    public OutgoingMail {
      to = List.copyOf(to);
      if (to.isEmpty()) {
        throw new IllegalArgumentException("A mail needs a recipient");
      }
    }
  }

  record ThreadedMail(String from, String to, Optional<String> configurationSet, String subject, String text, String html,
      String messageId, String threadRootId) {
    public ThreadedMail {
      if (from.isBlank() || to.isBlank() || messageId.isBlank() || threadRootId.isBlank()) {
        throw new IllegalArgumentException("A threaded mail needs a sender, a recipient and its ids");
      }
    }
  }

  /** The provider refused the mail or could not be reached; {@code reason} names the error, never an address. */
  final class SendFailure extends RuntimeException {
    private final String reason;

    public SendFailure(String reason, Throwable cause) {
      super(reason, cause);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }
}
