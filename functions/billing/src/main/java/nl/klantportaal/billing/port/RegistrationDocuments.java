package nl.klantportaal.billing.port;

import nl.klantportaal.billing.domain.RegistrationSheet;

/** Renders an export of time registrations as a file. */
public interface RegistrationDocuments {
  byte[] pdf(RegistrationSheet sheet);

  byte[] xlsx(RegistrationSheet sheet);
}
