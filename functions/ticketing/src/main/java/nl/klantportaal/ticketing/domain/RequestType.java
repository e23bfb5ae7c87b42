package nl.klantportaal.ticketing.domain;

import nl.klantportaal.core.shared.domain.LocalizedText;

/**
 * A standard request of the provider's catalogue (a Teams channel, a new user, access, extra
 * hours): its form and whether a customer admin must approve it before the provider starts.
 */
public record RequestType(String id, LocalizedText name, LocalizedText description, String category,
    FormSchema form, boolean approvalRequired, boolean active) {
  public RequestType {
    if (!id.matches("[a-z0-9][a-z0-9-]{1,39}")) {
      throw new IllegalArgumentException("A request type id is a lower-case slug: " + id);
    }
  }
}
