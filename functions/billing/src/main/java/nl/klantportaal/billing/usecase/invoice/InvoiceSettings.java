package nl.klantportaal.billing.usecase.invoice;

import nl.klantportaal.billing.domain.invoice.ProviderDetails;

/** The invoices' typed configuration: the provider's legal details and the portal's origin for links in mail. */
public record InvoiceSettings(ProviderDetails provider, String portalOrigin) {}
