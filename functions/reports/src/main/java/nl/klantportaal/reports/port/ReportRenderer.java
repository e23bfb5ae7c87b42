package nl.klantportaal.reports.port;

import java.time.Instant;
import nl.klantportaal.reports.domain.Branding;
import nl.klantportaal.reports.domain.MonthlyReport;

/** Draws a month's report as a PDF in the customer's language. */
public interface ReportRenderer {
  Rendered render(MonthlyReport report, Branding branding, Instant generatedAt);

  /** The document and its page count. */
  record Rendered(byte[] pdf, int pages) {}
}
