package nl.klantportaal.billing.domain.invoice;

import java.util.List;

/**
 * What Dutch law wants an invoice to say about the provider (configuration: PROVIDER_NAME,
 * PROVIDER_ADDRESS, PROVIDER_KVK, PROVIDER_VAT_NUMBER, PROVIDER_IBAN): name, address, KvK (Chamber of
 * Commerce) number and VAT number; the IBAN for transfers.
 */
public record ProviderDetails(String name, List<String> address, String kvk, String vatNumber, String iban) {
  public ProviderDetails {
    address = List.copyOf(address);
    if (name.isBlank() || address.isEmpty() || kvk.isBlank() || vatNumber.isBlank()) {
      throw new IllegalArgumentException("The provider needs a name, an address, a KvK and a VAT number");
    }
  }
}
