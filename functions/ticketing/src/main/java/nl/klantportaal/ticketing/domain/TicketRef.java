package nl.klantportaal.ticketing.domain;

import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;

/**
 * Which ticket: the customer and its number. Its token {@code <tenantId>-<n>} is the ticket's id in
 * URLs and, as {@code [#<token>]}, in mail subjects.
 */
public record TicketRef(TenantId tenant, TicketNumber number) {

  public String token() {
    return tenant.value() + "-" + number.value();
  }

  /** The ref a token names, or empty when it is not one (a malformed id is a ticket that does not exist). */
  public static Optional<TicketRef> parse(String token) {
    if (token == null || token.length() > 60) {
      return Optional.empty();
    }
    int dash = token.lastIndexOf('-');
    if (dash < 1 || dash == token.length() - 1) {
      return Optional.empty();
    }
    String tenant = token.substring(0, dash);
    String number = token.substring(dash + 1);
    if (!TenantId.isValid(tenant) || !number.matches("[1-9][0-9]{0,7}")) {
      return Optional.empty();
    }
    return Optional.of(new TicketRef(new TenantId(tenant), new TicketNumber(Long.parseLong(number))));
  }

  @Override
  public String toString() {
    return token();
  }
}
