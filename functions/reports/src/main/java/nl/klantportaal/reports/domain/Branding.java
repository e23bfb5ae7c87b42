package nl.klantportaal.reports.domain;

import java.util.Optional;

/** The provider's name and logo (PNG or JPEG bytes) on the report's cover, from configuration. */
public record Branding(String providerName, Optional<byte[]> logo) {
  public Branding {
    if (providerName.isBlank()) {
      throw new IllegalArgumentException("The provider has a name");
    }
  }
}
