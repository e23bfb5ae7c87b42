package nl.klantportaal.reports.domain;

import nl.klantportaal.core.claims.TenantId;

/**
 * One unit of the monthly fan-out: make {@code version} of a customer's month. Written once as an
 * item (conditional put); the table's stream hands it to the generator. Version 1 comes from the
 * schedule, higher ones from a provider admin's regeneration ({@code requestedBy}).
 */
public record ReportJob(TenantId tenant, ReportMonth month, int version, String requestedBy) {
  public static final String SCHEDULE = "schedule";

  public boolean regeneration() {
    return version > 1;
  }
}
