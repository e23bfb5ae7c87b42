package nl.klantportaal.reports.usecase;

import java.util.List;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.FieldError;

/** {@code PUT /reports/sharing}: whether the customer's users (not only its admins) see its reports. */
public record ReportSharing(Boolean usersSee) {
  public boolean allowed() {
    if (usersSee == null) {
      throw new DomainException.InvalidInput(List.of(new FieldError("usersSee", "required", "is true or false")));
    }
    return usersSee;
  }
}
