package nl.klantportaal.sla.usecase;

import java.util.Optional;
import nl.klantportaal.notifications.domain.RetryPolicy;

/**
 * Where SLA mail links point, the Message-ID domain, the provider's on-call address for critical
 * tickets out of business hours (when the customer has none), and the mail retry policy.
 */
public record SlaMailSettings(String portalOrigin, String messageDomain, Optional<String> providerOnCall,
    RetryPolicy retry) {}
