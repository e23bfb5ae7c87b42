package nl.klantportaal.billing.usecase.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import nl.klantportaal.billing.port.CustomerDirectory;
import nl.klantportaal.billing.usecase.BillingDates;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 1st of each month: every customer's draft of the month just ended (Europe/Amsterdam), for a
 * provider admin to review and finalise. A customer with nothing to bill gets none; one whose draft
 * exists (a re-run) is left as it is. A customer that cannot be drafted (time without a rate, a period
 * held by a hand-made draft) is logged for the admins and skipped; any other failure is logged, the
 * others are drafted, and the run then fails so the scheduler retries it (the drafts made stay made).
 */
public final class DraftMonthlyInvoices {
  private static final Logger LOG = LoggerFactory.getLogger(DraftMonthlyInvoices.class);
  private final CustomerDirectory customers;
  private final DraftInvoices drafts;

  public DraftMonthlyInvoices(CustomerDirectory customers, DraftInvoices drafts) {
    this.customers = customers;
    this.drafts = drafts;
  }

  public record Outcome(YearMonth month, int customers, int drafted, int skipped, int failed) {}

  public Outcome execute(Instant now) {
    YearMonth month = YearMonth.from(LocalDate.ofInstant(now, BillingDates.ZONE)).minusMonths(1);
    int seen = 0;
    int drafted = 0;
    int skipped = 0;
    int failed = 0;
    Optional<String> cursor = Optional.empty();
    do {
      Page<CustomerDirectory.Entry> page = customers.list(new PageRequest(cursor, 100));
      for (CustomerDirectory.Entry customer : page.items()) {
        seen++;
        try {
          if (drafts.draftMonth(customer.id(), month).isPresent()) {
            drafted++;
          }
        } catch (DomainException.Conflict e) {
          skipped++;
          LOG.warn("No draft invoice of {} for customer {}: {}", month, customer.id().value(), e.getMessage());
        } catch (RuntimeException e) {
          failed++;
          LOG.error("Drafting the invoice of {} for customer {} failed", month, customer.id().value(), e);
        }
      }
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    if (failed > 0) {
      throw new IllegalStateException(failed + " of " + seen + " customers' draft invoices of " + month
          + " failed (see the log); the run is retried and drafts nothing twice");
    }
    return new Outcome(month, seen, drafted, skipped, failed);
  }
}
