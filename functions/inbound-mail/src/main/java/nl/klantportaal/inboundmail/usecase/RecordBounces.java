package nl.klantportaal.inboundmail.usecase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.klantportaal.inboundmail.domain.DeliveryReport;
import nl.klantportaal.inboundmail.domain.MachineMail;
import nl.klantportaal.inboundmail.domain.ParsedMail;
import nl.klantportaal.inboundmail.domain.Verdicts;
import nl.klantportaal.notifications.domain.FailingAddress;
import nl.klantportaal.notifications.port.FailingAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounce of our own mail marks each address that failed for good (a 5.x.x status) as failing, so
 * mail to it stops until staff clear it or the address changes (docs/inbound-mail.md, "Bounces").
 * A forged bounce could silence someone's mail, so two things must hold: the bounce returns a message
 * of ours (its returned Message-ID has our Message-ID domain), and SES's verdicts passed for the
 * reporting server (SPF of the bouncing host, DKIM or DMARC). Anything else marks nothing.
 */
public final class RecordBounces {
  private static final Logger LOG = LoggerFactory.getLogger(RecordBounces.class);
  private static final Pattern MESSAGE_ID_LINE = Pattern.compile("(?im)^\\s*message-id:\\s*(<[^>\\s]+>)");

  private final FailingAddresses failing;
  private final MachineMail.OwnMail own;

  public RecordBounces(FailingAddresses failing, MachineMail.OwnMail own) {
    this.failing = failing;
    this.own = own;
  }

  /** Marks the permanent failures of {@code mail} when it is a genuine bounce of ours; answers how many. */
  public int record(ParsedMail mail, Verdicts verdicts, Instant at) {
    DeliveryReport report = mail.deliveryStatus().isBlank()
        ? DeliveryReport.fromFailedRecipients(mail.header("x-failed-recipients"), mail.text())
        : DeliveryReport.parse(mail.deliveryStatus());
    List<DeliveryReport.Recipient> failed = report.permanentFailures();
    if (failed.isEmpty()) {
      return 0;
    }
    if (!returnsOurs(mail)) {
      LOG.info("A bounce that returns no mail of ours marks nothing ({} addresses named)", failed.size());
      return 0;
    }
    boolean verified = Verdicts.PASS.equals(verdicts.spf()) || Verdicts.PASS.equals(verdicts.dkim())
        || Verdicts.PASS.equals(verdicts.dmarc());
    if (!verified) {
      LOG.warn("A bounce of our mail without a passing SPF, DKIM or DMARC verdict marks nothing ({} addresses named)", failed.size());
      return 0;
    }
    for (DeliveryReport.Recipient recipient : failed) {
      failing.mark(new FailingAddress(recipient.address(), FailingAddress.Reason.PERMANENT_BOUNCE, recipient.reason(), at));
    }
    LOG.info("A bounce of our mail marked {} address(es) failing", failed.size());
    return failed.size();
  }

  private boolean returnsOurs(ParsedMail mail) {
    List<String> ids = new ArrayList<>(mail.returnedMessageIds());
    Matcher inText = MESSAGE_ID_LINE.matcher(mail.text());
    while (inText.find()) {
      ids.add(inText.group(1));
    }
    String suffix = "@" + own.messageIdDomain() + ">";
    return ids.stream().anyMatch(id -> id.toLowerCase(Locale.ROOT).endsWith(suffix));
  }
}
