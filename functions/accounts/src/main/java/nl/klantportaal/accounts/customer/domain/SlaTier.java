package nl.klantportaal.accounts.customer.domain;

/** The SLA tiers of the provider's price list (seed: Koper is the standard, Goud the strictest). */
public enum SlaTier {
  KOPER("koper"), BRONS("brons"), ZILVER("zilver"), GOUD("goud");

  private final String wireName;

  SlaTier(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
