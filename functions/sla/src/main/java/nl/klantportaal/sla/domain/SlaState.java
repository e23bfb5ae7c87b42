package nl.klantportaal.sla.domain;

/** Where one target stands at a given moment. */
public enum SlaState {
  RUNNING("running"), PAUSED("paused"), MET("met"), BREACHED("breached");

  private final String wireName;

  SlaState(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
