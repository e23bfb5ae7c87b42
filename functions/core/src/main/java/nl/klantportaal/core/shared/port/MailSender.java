package nl.klantportaal.core.shared.port;

import java.util.List;

/** Sends one mail now (SES in AWS). Callers that must never send twice guard it with an outbox record. */
public interface MailSender {

  /** Sends and answers the provider's message id. */
  String send(OutgoingMail mail);

  record OutgoingMail(List<String> to, String subject, String html, String text) {
    public OutgoingMail {
      to = List.copyOf(to);
      if (to.isEmpty()) {
        throw new IllegalArgumentException("A mail needs a recipient");
      }
    }
  }
}
