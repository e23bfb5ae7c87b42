package nl.klantportaal.billing.domain;

import nl.klantportaal.core.shared.domain.LocalizedText;
import nl.klantportaal.core.shared.domain.WireEnum;

/** "Type registratie": how a registration is paid for (the seed's filter and its three values). */
public enum RegistrationType implements WireEnum {
  /** Deducted from the customer's active hour bundles; what no bundle covers becomes ad-hoc billable. */
  BUNDLE("bundle", new LocalizedText("Urenbundel", "Hour bundle", "Stundenkontingent")),
  /** Invoiced separately at the customer's rate. */
  AD_HOC_BILLABLE("ad-hoc-billable", new LocalizedText("Ad-Hoc Facturabel", "Ad-hoc billable", "Ad-hoc abrechenbar")),
  /** Registered as service, never invoiced. */
  AD_HOC_SERVICE("ad-hoc-service", new LocalizedText("Ad-Hoc Service", "Ad-hoc service", "Ad-hoc Service"));

  private final String wireName;
  private final LocalizedText label;

  RegistrationType(String wireName, LocalizedText label) {
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
