package nl.klantportaal.billing.domain.invoice;

import java.util.List;
import java.util.Optional;

/**
 * The customer as an invoice names it, copied at finalising (a later change of address does not
 * touch a final invoice): name, address lines and VAT ID (required when VAT is reverse-charged).
 */
public record BillTo(String name, List<String> address, Optional<String> vatId) {
  public BillTo {
    address = List.copyOf(address);
    vatId = vatId.filter(id -> !id.isBlank());
  }
}
