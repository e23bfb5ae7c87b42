package nl.klantportaal.local;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.knowledge.notice.usecase.NoticeInput;
import nl.klantportaal.knowledge.notice.usecase.NoticeUpdateInput;
import nl.klantportaal.knowledge.notice.wiring.NoticeWiring;
import nl.klantportaal.mail.wiring.MailWiring;

/**
 * The demo's service notices, through the notices use cases at the moments they happened: last week's Microsoft 365 mail
 * outage at Acme (investigating, then three updates: identified, monitoring, resolved) and next weekend's planned
 * maintenance for every customer. Each is mailed to the admins who keep the notices preference on, as in production.
 * Seeded once (when there is no notice yet).
 */
final class DemoNotices {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private DemoNotices() {}

  static String seed(Config config, Caller agent, TenantId acme) {
    StepClock clock = new StepClock();
    KernelWiring wiring = new KernelWiring(config, clock);
    var notices = NoticeWiring.of(wiring, MailWiring.sender(wiring));
    if (!notices.view().list(agent, Optional.of("current"), Language.NL).get("items").equals(List.of())
        || !notices.view().list(agent, Optional.of("past"), Language.NL).get("items").equals(List.of())) {
      return "";
    }
    LocalDate monday = LocalDate.now(AMSTERDAM).minusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    clock.at(monday, "08:25");
    var outage = notices.manage().create(agent, new NoticeInput("outage", "Microsoft 365",
        new NoticeInput.AffectsInput(null, List.of(acme.value())), at(monday, "08:10"), at(monday, "12:00"), "investigating",
        new NoticeInput.Texts(
            new NoticeInput.Text("Mail komt vertraagd binnen", "Inkomende mail in Exchange Online wordt met vertraging afgeleverd."
                + " Verzonden mail gaat wel direct weg. Wij onderzoeken de oorzaak."),
            new NoticeInput.Text("Mail arrives late", "Incoming mail in Exchange Online is delivered with a delay. Sent mail leaves"
                + " at once. We are investigating the cause."),
            new NoticeInput.Text("E-Mails kommen verzögert an", "Eingehende E-Mails in Exchange Online werden verzögert zugestellt."
                + " Gesendete E-Mails gehen sofort hinaus. Wir untersuchen die Ursache."))));
    clock.at(monday, "09:05");
    notices.manage().update(agent, outage.id(), update("identified", Optional.of(at(monday, "11:30")),
        "Microsoft meldt een storing in de mailaflevering in West-Europa (EX812345). Een herstel wordt uitgerold.",
        "Microsoft reports a mail delivery fault in Western Europe (EX812345). A fix is being rolled out.",
        "Microsoft meldet eine Störung der E-Mail-Zustellung in Westeuropa (EX812345). Eine Korrektur wird ausgerollt."));
    clock.at(monday, "10:40");
    notices.manage().update(agent, outage.id(), update("monitoring", Optional.empty(),
        "Het herstel is uitgerold; de achterstand wordt weggewerkt. Wij houden het in de gaten.",
        "The fix is rolled out; the backlog is being delivered. We are keeping an eye on it.",
        "Die Korrektur ist ausgerollt; der Rückstau wird abgearbeitet. Wir beobachten die Lage."));
    clock.at(monday, "11:20");
    notices.manage().update(agent, outage.id(), update("resolved", Optional.empty(),
        "Opgelost: alle vertraagde mail is afgeleverd en nieuwe mail komt weer direct binnen.",
        "Resolved: all delayed mail is delivered and new mail arrives at once again.",
        "Behoben: alle verzögerten E-Mails sind zugestellt, neue E-Mails kommen wieder sofort an."));

    LocalDate saturday = LocalDate.now(AMSTERDAM).with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
    clock.now = Instant.now();
    var maintenance = notices.manage().create(agent, new NoticeInput("maintenance", "Back-up en herstel",
        new NoticeInput.AffectsInput(true, null), at(saturday, "22:00"), at(saturday.plusDays(1), "02:00"), "scheduled",
        new NoticeInput.Texts(
            new NoticeInput.Text("Gepland onderhoud back-upplatform", "Wij vervangen de opslag van het back-upplatform. Tijdens het"
                + " onderhoud lopen er geen back-ups; herstellen kan niet. Na afloop worden gemiste back-ups ingehaald."),
            new NoticeInput.Text("Planned maintenance of the backup platform", "We are replacing the backup platform's storage."
                + " During the maintenance no backups run and restores are not possible. Missed backups are caught up afterwards."),
            new NoticeInput.Text("Geplante Wartung der Backup-Plattform", "Wir ersetzen den Speicher der Backup-Plattform. Während der"
                + " Wartung laufen keine Backups, Wiederherstellungen sind nicht möglich. Verpasste Backups werden danach nachgeholt."))));
    return "  Demo service notices: " + outage.id() + " (resolved outage last week), " + maintenance.id()
        + " (planned maintenance) (Status page, /#/status)\n";
  }

  private static NoticeUpdateInput update(String status, Optional<String> expectedEnd, String nl, String en, String de) {
    return new NoticeUpdateInput(status, expectedEnd.orElse(null), new NoticeUpdateInput.Texts(new NoticeUpdateInput.Text(nl),
        new NoticeUpdateInput.Text(en), new NoticeUpdateInput.Text(de)));
  }

  private static String at(LocalDate day, String time) {
    return day.atTime(LocalTime.parse(time)).atZone(AMSTERDAM).toInstant().toString();
  }

  /** A clock set to each step's moment (Europe/Amsterdam). */
  private static final class StepClock extends Clock {
    private Instant now = Instant.now();

    void at(LocalDate day, String time) {
      now = day.atTime(LocalTime.parse(time)).atZone(AMSTERDAM).toInstant();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
