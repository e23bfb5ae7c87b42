package nl.klantportaal.knowledge.notice.usecase;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import nl.klantportaal.knowledge.notice.domain.Notice;
import nl.klantportaal.knowledge.notice.domain.NoticeMail;
import nl.klantportaal.knowledge.notice.domain.NoticeOccasion;
import nl.klantportaal.knowledge.notice.port.NoticeMailbox;
import nl.klantportaal.knowledge.notice.port.NoticeMailings;
import nl.klantportaal.knowledge.notice.port.NoticeRepository;
import nl.klantportaal.notifications.domain.ParagraphMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails an occasion of a notice (its creation, a status change) to the admins of the customers it affects who keep the
 * {@code notices} preference on, each in their language. Every mail is claimed in the outbox under the occasion's key and
 * the recipient before it is sent, so however often this runs for an occasion (right after the change, and again from
 * {@link #resume} when a run was cut short) each admin gets it once; the outbox retries a failed send.
 */
public final class SendNoticeMails {
  private static final Logger LOG = LoggerFactory.getLogger(SendNoticeMails.class);
  /** A pending occasion older than this was left by a run that did not finish. */
  static final Duration LEFT_AFTER = Duration.ofMinutes(2);

  private final NoticeRepository notices;
  private final NoticeMailings mailings;
  private final NoticeMailbox mailbox;
  private final String portalOrigin;
  private final Clock clock;

  public SendNoticeMails(NoticeRepository notices, NoticeMailings mailings, NoticeMailbox mailbox, String portalOrigin, Clock clock) {
    this.notices = notices;
    this.mailings = mailings;
    this.mailbox = mailbox;
    this.portalOrigin = portalOrigin;
    this.clock = clock;
  }

  /** Mails the occasion to every recipient who has not had it yet; the number of mails sent now. */
  public int execute(NoticeOccasion occasion) {
    Optional<Notice> notice = notices.find(occasion.noticeId());
    int sent = 0;
    if (notice.isPresent()) {
      String link = portalOrigin + "/#/status";
      for (NoticeMailbox.Recipient to : mailbox.recipients(notice.get().affects())) {
        ParagraphMail mail = NoticeMail.render(notice.get(), occasion, to.language(), to.name(), link);
        if (mailbox.send(occasion.eventKey(), to, new NoticeMailbox.Mail(mail.subject(), mail.text(), mail.html()))) {
          sent++;
        }
      }
    }
    mailings.done(occasion);
    LOG.info("Notice mail handed to the outbox: {} mails for {}", sent, occasion.name());
    return sent;
  }

  /** Finishes the occasions that runs cut short left pending (a schedule's job); the number of mails sent. */
  public int resume() {
    int sent = 0;
    for (NoticeOccasion left : mailings.pending(clock.instant().minus(LEFT_AFTER), 50)) {
      sent += execute(left);
    }
    return sent;
  }
}
