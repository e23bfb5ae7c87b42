package nl.klantportaal.reports.domain;

import java.time.Instant;
import nl.klantportaal.core.claims.TenantId;

/**
 * One customer's report of one month (pattern 44): where its PDF is, which version it is (1 from the
 * schedule, one more per regeneration), when it was made and how many pages it has.
 */
public record ReportRecord(TenantId tenant, ReportMonth month, int version, String objectKey, Instant generatedAt, int pages,
                           long bytes) {

  public ReportRecord {
    if (version < 1) {
      throw new IllegalArgumentException("Versions start at 1");
    }
  }

  /** {@code reports/<tenant>/<yyyy-mm>/v<version>.pdf} in the reports bucket. */
  public static String objectKey(TenantId tenant, ReportMonth month, int version) {
    return "reports/" + tenant.value() + "/" + month + "/v" + version + ".pdf";
  }

  /**
   * The download's file name in the reader's language, plain ASCII: {@code rapportage-2026-11.pdf},
   * {@code report-2026-11.pdf}, {@code Monatsbericht-2026-11.pdf}. The stored object keeps its key.
   */
  public static String fileName(ReportMonth month, nl.klantportaal.core.shared.domain.Language language) {
    String word = switch (language) {
      case NL -> "rapportage";
      case EN -> "report";
      case DE -> "Monatsbericht";
    };
    return word + "-" + month + ".pdf";
  }
}
