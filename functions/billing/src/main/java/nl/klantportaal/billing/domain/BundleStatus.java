package nl.klantportaal.billing.domain;

import nl.klantportaal.core.shared.domain.LocalizedText;
import nl.klantportaal.core.shared.domain.WireEnum;

/** What a customer sees of a bundle today. */
public enum BundleStatus implements WireEnum {
  /** Bought (ordered), not yet paid or approved: no time is deducted from it. */
  PENDING("pending", new LocalizedText("Besteld", "Ordered", "Bestellt")),
  ACTIVE("active", new LocalizedText("Actief", "Active", "Aktiv")),
  USED_UP("used-up", new LocalizedText("Verbruikt", "Used up", "Aufgebraucht")),
  EXPIRED("expired", new LocalizedText("Verlopen", "Expired", "Abgelaufen")),
  CANCELLED("cancelled", new LocalizedText("Geannuleerd", "Cancelled", "Storniert"));

  private final String wireName;
  private final LocalizedText label;

  BundleStatus(String wireName, LocalizedText label) {
    this.wireName = wireName;
    this.label = label;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public LocalizedText label() {
    return label;
  }
}
