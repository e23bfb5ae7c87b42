package nl.klantportaal.billing.usecase;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.klantportaal.billing.domain.BundleStatus;
import nl.klantportaal.billing.domain.DueNotice;
import nl.klantportaal.billing.domain.Forecast;
import nl.klantportaal.billing.domain.HourBundle;
import nl.klantportaal.billing.domain.HourMail;
import nl.klantportaal.billing.port.BundleRepository;
import nl.klantportaal.billing.port.HourMailbox;
import nl.klantportaal.billing.port.HourNotices;
import nl.klantportaal.billing.port.SubscriptionRepository;
import nl.klantportaal.billing.port.TimeLedger;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.notifications.domain.ParagraphMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily job (Europe/Amsterdam morning): mails each customer's admins who want hour mail about every
 * due notice — a bundle past 80 % or 95 % used, a bundle ending within 30 days with hours left, time
 * that overflowed the bundles on a day — with the burn-rate forecast, and a subscription that does not
 * renew 60 and 30 days before its end (under the subscriptions preference), through the outbox; and expires
 * bundles whose last day is over ({@link ExpireBundle}: lapse or roll over, as the agreement says). It reads
 * only due notices. Each mail is claimed in the outbox under the notice and the recipient, so a
 * repeated or concurrent run sends nothing twice; a notice whose cause is gone (the bundle cancelled,
 * used up before it expires, use corrected back below the threshold) is taken off without mail.
 */
public final class SendHourNotices {
  private static final Logger LOG = LoggerFactory.getLogger(SendHourNotices.class);

  private final HourNotices notices;
  private final BundleRepository bundles;
  private final TimeLedger ledger;
  private final HourMailbox mailbox;
  private final ExpireBundle expire;
  private final SubscriptionRepository subscriptions;
  private final String portalOrigin;
  private final Clock clock;

  public SendHourNotices(HourNotices notices, BundleRepository bundles, TimeLedger ledger, HourMailbox mailbox,
                         ExpireBundle expire, SubscriptionRepository subscriptions, String portalOrigin, Clock clock) {
    this.expire = expire;
    this.subscriptions = subscriptions;
    this.notices = notices;
    this.bundles = bundles;
    this.ledger = ledger;
    this.mailbox = mailbox;
    this.portalOrigin = portalOrigin;
    this.clock = clock;
  }

  public record Outcome(int notices, int mailsSent, int withoutMail, int raced) {}

  public Outcome execute(Instant now) {
    List<DueNotice> due = notices.due(now);
    LocalDate today = LocalDate.ofInstant(now, HourNotices.ZONE);
    Map<TenantId, Forecast> forecasts = new ConcurrentHashMap<>();
    // One read of a customer's admins per topic and run, however many notices the customer has.
    Map<String, List<HourMailbox.Recipient>> recipients = new ConcurrentHashMap<>();
    int sent = 0;
    int without = 0;
    int raced = 0;
    for (DueNotice notice : due) {
      Optional<Mailing> mailing = Optional.empty();
      if (notice instanceof DueNotice.Expired expired) {
        expire.execute(expired.tenant(), expired.bundleId(), now);
      } else {
        mailing = mailing(notice, today, forecasts);
      }
      if (mailing.isEmpty()) {
        without++;
      } else {
        HourMailbox.Topic topic = notice instanceof DueNotice.SubscriptionEnding ? HourMailbox.Topic.SUBSCRIPTIONS
            : HourMailbox.Topic.HOURS;
        for (HourMailbox.Recipient to : recipients.computeIfAbsent(notice.tenant().value() + "#" + topic,
            key -> mailbox.recipients(notice.tenant(), topic))) {
          if (mailbox.send(notice.ref(), notice.tenant(), to, mailing.get().render(to))) {
            sent++;
          }
        }
      }
      if (!notices.done(notice, clock.instant())) {
        raced++;
      }
    }
    LOG.info("Hour notices: {} due, {} mails sent, {} without mail, {} done by another run", due.size(), sent, without, raced);
    return new Outcome(due.size(), sent, without, raced);
  }

  /** What to tell a recipient about a notice, or empty when its cause is gone. */
  @FunctionalInterface
  private interface Mailing {
    HourMailbox.Mail render(HourMailbox.Recipient to);
  }

  private Optional<Mailing> mailing(DueNotice notice, LocalDate today, Map<TenantId, Forecast> forecasts) {
    String hoursLink = portalOrigin + "/#/hours";
    return switch (notice) {
      case DueNotice.UsedThreshold t -> bundles.find(t.tenant(), t.bundleId())
          .filter(b -> b.state() == HourBundle.State.ACTIVE && reached(b, t.percent()))
          // A higher threshold reached as well has its own notice, which says more: one mail, not "80 %" and "95 %" at once.
          .filter(b -> java.util.Arrays.stream(HourNotices.THRESHOLDS).noneMatch(higher -> higher > t.percent() && reached(b, higher)))
          .map(b -> to -> mail(HourMail.usedThreshold(to.language(), to.name(), b,
              forecastText(forecasts, t.tenant(), today, to.language()), hoursLink)));
      case DueNotice.Expiry e -> bundles.find(e.tenant(), e.bundleId())
          .filter(b -> b.status(today) == BundleStatus.ACTIVE)
          .map(b -> to -> mail(HourMail.expiry(to.language(), to.name(), b, forecastText(forecasts, e.tenant(), today,
              to.language()), hoursLink)));
      case DueNotice.Expired x -> Optional.empty();
      case DueNotice.SubscriptionEnding e -> subscriptions.find(e.tenant(), e.subscriptionId())
          .filter(sub -> !sub.cancelled() && !sub.autoRenew() && sub.endDate().equals(e.endDate()) && !today.isAfter(sub.endDate()))
          .map(sub -> to -> mail(HourMail.subscriptionEnding(to.language(), to.name(), sub, portalOrigin + "/#/subscriptions")));
      case DueNotice.Overflow o -> o.minutes() <= 0 ? Optional.empty() : Optional.of(to -> mail(HourMail.overflow(to.language(),
          to.name(), o.day(), o.minutes(), portalOrigin + "/#/time-registrations")));
    };
  }

  private static boolean reached(HourBundle bundle, int percent) {
    return (long) bundle.usedMinutes() * 100 >= (long) bundle.capacity() * percent;
  }

  private String forecastText(Map<TenantId, Forecast> forecasts, TenantId tenant, LocalDate today, Language language) {
    Forecast forecast = forecasts.computeIfAbsent(tenant, t -> Forecast.of(bundles.list(t), ViewHours.dailyUse(ledger.entries(t,
        new TimeLedger.Period(today.minusDays(Forecast.WINDOW_DAYS), today), Optional.empty(), Optional.empty())), today));
    return ViewHours.forecastView(forecast, language).text();
  }

  private static HourMailbox.Mail mail(ParagraphMail rendered) {
    return new HourMailbox.Mail(rendered.subject(), rendered.text(), rendered.html());
  }
}
