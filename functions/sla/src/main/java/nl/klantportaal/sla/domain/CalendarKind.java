package nl.klantportaal.sla.domain;

/** Which calendar an SLA target runs on. */
public enum CalendarKind {
  /** Opening hours minus holidays and closures. */
  BUSINESS("business"),
  /** Every instant counts (the seed's storingsdienst handles these out of hours). */
  AROUND_THE_CLOCK("24x7");

  private final String wireName;

  CalendarKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
