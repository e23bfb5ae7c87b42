package nl.klantportaal.reports.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import nl.klantportaal.reports.domain.Branding;
import nl.klantportaal.reports.domain.MonthlyReport;
import nl.klantportaal.reports.domain.ReportData;
import nl.klantportaal.reports.domain.ReportJob;
import nl.klantportaal.reports.domain.ReportMonth;
import nl.klantportaal.reports.domain.ReportRecord;
import nl.klantportaal.reports.port.ReportFiles;
import nl.klantportaal.reports.port.ReportMailbox;
import nl.klantportaal.reports.port.ReportRecords;
import nl.klantportaal.reports.port.ReportRenderer;
import nl.klantportaal.reports.port.ReportSources;

/**
 * Makes one work item's report: gathers the month as of its end, draws the PDF, stores it under its
 * version's key, records it (conditional on the stored version, with an audit entry), removes the
 * version it replaced, and mails the customer's admins when it is the month's first report.
 *
 * <p>Idempotent: a duplicate delivery finds this or a later version recorded and does nothing; a
 * failure before the record leaves at most an object that the retry overwrites, and the mail's outbox
 * entry is claimed once per customer-month, so nobody is mailed twice (or not at all).
 */
public final class GenerateReport {
  private final ReportSources sources;
  private final ReportRecords records;
  private final ReportFiles files;
  private final ReportRenderer renderer;
  private final ReportMailbox mailbox;
  private final Supplier<Branding> branding;
  private final Clock clock;

  public GenerateReport(ReportSources sources, ReportRecords records, ReportFiles files, ReportRenderer renderer,
      ReportMailbox mailbox, Supplier<Branding> branding, Clock clock) {
    this.sources = sources;
    this.records = records;
    this.files = files;
    this.renderer = renderer;
    this.mailbox = mailbox;
    this.branding = branding;
    this.clock = clock;
  }

  public sealed interface Outcome {
    record Generated(ReportRecord record, int mailsSent) implements Outcome {}

    /** This or a later version is already recorded: a duplicate delivery or a re-run. */
    record AlreadyThere(int storedVersion) implements Outcome {}

    /** The customer was removed after the job was written. */
    record NoSuchCustomer() implements Outcome {}
  }

  public Outcome execute(ReportJob job) {
    var stored = records.find(job.tenant(), job.month());
    var customer = sources.customer(job.tenant());
    if (customer.isEmpty()) {
      return new Outcome.NoSuchCustomer();
    }
    if (stored.isPresent() && stored.get().version() >= job.version()) {
      // A delivery after the record but before the mail (a crash between them) still mails, once.
      announce(job, customer.get());
      return new Outcome.AlreadyThere(stored.get().version());
    }
    Instant now = clock.instant();
    MonthlyReport report = build(customer.get(), job.month());
    ReportRenderer.Rendered rendered = renderer.render(report, branding.get(), now);
    String key = ReportRecord.objectKey(job.tenant(), job.month(), job.version());
    files.put(key, rendered.pdf());
    ReportRecord record = new ReportRecord(job.tenant(), job.month(), job.version(), key, now, rendered.pages(),
        rendered.pdf().length);
    if (!records.save(record, job.requestedBy(), now)) {
      announce(job, customer.get());
      return new Outcome.AlreadyThere(records.find(job.tenant(), job.month()).map(ReportRecord::version).orElse(job.version()));
    }
    stored.filter(previous -> !previous.objectKey().equals(key)).ifPresent(previous -> files.delete(previous.objectKey()));
    return new Outcome.Generated(record, announce(job, customer.get()));
  }

  /** The month's first report is announced (once per customer-month: the outbox claim); a regeneration is not. */
  private int announce(ReportJob job, ReportData.Customer customer) {
    return job.regeneration() ? 0 : mailbox.announce(job.tenant(), customer.name(), job.month());
  }

  /** The month's figures, as the report shows them. */
  public MonthlyReport build(ReportData.Customer customer, ReportMonth month) {
    return MonthlyReport.of(month, sources.gather(customer, month));
  }
}
