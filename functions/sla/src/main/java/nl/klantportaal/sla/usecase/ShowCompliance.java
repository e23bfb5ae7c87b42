package nl.klantportaal.sla.usecase;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.accounts.customer.port.CustomerRepository;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.FieldError;
import nl.klantportaal.sla.port.SlaRecords;

/**
 * A customer's SLA compliance of one month (GET /sla/compliance?month=yyyy-mm): how many response
 * and resolution targets were met and breached. Provider staff name the customer; a customer admin
 * reads its own; customer users are refused (403).
 */
public final class ShowCompliance {
  private final SlaRecords records;
  private final CustomerRepository customers;

  public ShowCompliance(SlaRecords records, CustomerRepository customers) {
    this.records = records;
    this.customers = customers;
  }

  public record ComplianceView(String customerId, String month, Counts response, Counts resolution) {}

  public record Counts(long met, long breached) {}

  public ComplianceView execute(Caller caller, Optional<String> month, Optional<String> customerId) {
    boolean staff = caller.role().isProviderStaff();
    if (!staff && caller.role() != Role.CUSTOMER_ADMIN) {
      throw new DomainException.Forbidden("Only customer admins and provider staff read SLA compliance");
    }
    YearMonth yearMonth = month.flatMap(ShowCompliance::parse).orElseThrow(() ->
        invalid("month", "is required as yyyy-mm"));
    TenantId tenant;
    if (staff) {
      String id = customerId.filter(TenantId::isValid).orElseThrow(() -> invalid("customerId", "is required: a customer id"));
      tenant = new TenantId(id);
      if (customers.find(tenant).isEmpty()) {
        throw new DomainException.NotFound("Customer " + id);
      }
    } else {
      tenant = caller.requireTenant();
      if (customerId.filter(id -> !id.equals(tenant.value())).isPresent()) {
        throw invalid("customerId", "is your own organisation");
      }
    }
    var counters = records.month(tenant, yearMonth);
    return new ComplianceView(tenant.value(), yearMonth.toString(), new Counts(counters.responseMet(),
        counters.responseBreached()), new Counts(counters.resolutionMet(), counters.resolutionBreached()));
  }

  private static Optional<YearMonth> parse(String value) {
    try {
      return Optional.of(YearMonth.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static DomainException.InvalidInput invalid(String field, String message) {
    return new DomainException.InvalidInput(List.of(new FieldError(field, "format", message)));
  }
}
