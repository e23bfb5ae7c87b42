package nl.klantportaal.sla.domain;

/** The two targets of a ticket: first public agent reply, and resolution. */
public enum TargetKind {
  RESPONSE("response"), RESOLUTION("resolution");

  private final String wireName;

  TargetKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
