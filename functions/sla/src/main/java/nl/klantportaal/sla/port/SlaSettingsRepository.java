package nl.klantportaal.sla.port;

import nl.klantportaal.sla.domain.ProviderCalendar;
import nl.klantportaal.sla.domain.SlaSettings;
import nl.klantportaal.sla.domain.SlaTerms;

/**
 * The provider's stored SLA settings (docs/data-model.md patterns 29 and 30): one item per edited tier
 * and one for the business calendar, read together with one keyed query. What was never edited is the
 * shipped default.
 */
public interface SlaSettingsRepository {

  SlaSettings load();

  /**
   * Replaces one tier's row if its stored version is still {@code expectedVersion} (0: never edited);
   * otherwise {@code DomainException.Conflict} (version). Returns the new version.
   */
  long saveTerms(SlaTerms terms, long expectedVersion, Edit edit);

  /** Replaces the business calendar on the same condition. Returns the new version. */
  long saveCalendar(ProviderCalendar calendar, long expectedVersion, Edit edit);

  /** Who saved, and when: stored with the item as {@code updatedBy}, {@code updatedAt}. */
  record Edit(nl.klantportaal.core.claims.UserId by, java.time.Instant at) {}
}
