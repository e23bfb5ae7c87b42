package nl.klantportaal.reports.wiring;

import java.util.Optional;
import java.util.function.Supplier;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.billing.wiring.BillingWiring;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.notifications.wiring.NotificationWiring;
import nl.klantportaal.reports.adapter.dynamodb.DynamoDbReportRecords;
import nl.klantportaal.reports.adapter.outbox.OutboxReportMailbox;
import nl.klantportaal.reports.adapter.pdf.PdfReports;
import nl.klantportaal.reports.adapter.s3.S3ReportFiles;
import nl.klantportaal.reports.adapter.sources.ContextSources;
import nl.klantportaal.reports.domain.Branding;
import nl.klantportaal.reports.port.ReportFiles;
import nl.klantportaal.reports.port.ReportRecords;
import nl.klantportaal.reports.usecase.FanOutReports;
import nl.klantportaal.reports.usecase.GenerateReport;
import nl.klantportaal.reports.usecase.RegenerateReport;
import nl.klantportaal.reports.usecase.ReportAccess;
import nl.klantportaal.reports.usecase.StartMonthlyReports;
import nl.klantportaal.reports.usecase.ViewReports;
import nl.klantportaal.sla.wiring.SlaWiring;
import nl.klantportaal.ticketing.wiring.TicketWiring;

/** The reports context: monthly report PDFs, their fan-out, records and downloads. */
public final class ReportsWiring {
  private final KernelWiring kernel;
  private final ReportRecords records;

  private ReportsWiring(KernelWiring kernel) {
    this.kernel = kernel;
    this.records = new DynamoDbReportRecords(kernel.table());
  }

  public static ReportsWiring of(KernelWiring kernel) {
    return new ReportsWiring(kernel);
  }

  /**
   * The typed settings: REPORTS_BUCKET; PROVIDER_NAME on the cover (default "Klantportaal"); and
   * REPORT_LOGO_KEY, an optional PNG or JPEG in the reports bucket drawn above it.
   */
  public record Settings(String bucket, String providerName, Optional<String> logoKey) {
    public static Settings from(Config config) {
      return new Settings(config.require("REPORTS_BUCKET"), config.get("PROVIDER_NAME").filter(n -> !n.isBlank())
          .orElse("Klantportaal"), config.get("REPORT_LOGO_KEY").filter(k -> !k.isBlank()));
    }
  }

  private ReportFiles files() {
    return S3ReportFiles.create(kernel.clients(), kernel.config().endpoints().s3(), Settings.from(kernel.config()).bucket());
  }

  private ContextSources sources() {
    return new ContextSources(IdentityWiring.of(kernel).customers(), TicketWiring.of(kernel).history(),
        TicketWiring.of(kernel).catalogue(), SlaWiring.of(kernel).outcomes(), BillingWiring.of(kernel).monthReadings(),
        TicketWiring.of(kernel).ratings());
  }

  public StartMonthlyReports start() {
    return new StartMonthlyReports(records);
  }

  public FanOutReports fanOut() {
    return new FanOutReports(sources(), records, kernel.clock());
  }

  /** The generator; report mail goes through the outbox with {@code sender}. */
  public GenerateReport generate(MailSender sender) {
    Settings settings = Settings.from(kernel.config());
    ReportFiles files = files();
    NotificationWiring notifications = NotificationWiring.of(kernel);
    var mailbox = new OutboxReportMailbox(IdentityWiring.of(kernel).users(), notifications.directMail(sender),
        kernel.mail().portalOrigin());
    return new GenerateReport(sources(), records, files, new PdfReports(), mailbox, branding(settings, files), kernel.clock());
  }

  /** The cover's name and logo; the logo is read once, on the first report of the function's life. */
  private static Supplier<Branding> branding(Settings settings, ReportFiles files) {
    return new Supplier<>() {
      private Branding loaded;

      @Override
      public synchronized Branding get() {
        if (loaded == null) {
          Optional<byte[]> logo = settings.logoKey().map(key -> files.read(key).orElseThrow(() -> new IllegalStateException(
              "REPORT_LOGO_KEY names " + key + ", which is not in the reports bucket")));
          loaded = new Branding(settings.providerName(), logo);
        }
        return loaded;
      }
    };
  }

  public ReportAccess access() {
    return new ReportAccess(sources(), records);
  }

  public ViewReports view() {
    return new ViewReports(records, files(), kernel.clock());
  }

  public RegenerateReport regenerate() {
    return new RegenerateReport(records, kernel.clock());
  }
}
