package nl.klantportaal.ticketing.domain;

import nl.klantportaal.core.shared.domain.LocalizedText;

/** A provider-managed ticket category (workplace, network, e-mail, ...). */
public record Category(String id, LocalizedText name, boolean active) {
  public Category {
    if (!id.matches("[a-z0-9][a-z0-9-]{1,39}")) {
      throw new IllegalArgumentException("A category id is a lower-case slug: " + id);
    }
  }
}
