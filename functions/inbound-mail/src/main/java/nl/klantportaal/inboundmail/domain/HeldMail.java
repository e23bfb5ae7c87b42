package nl.klantportaal.inboundmail.domain;

import java.time.Instant;

/**
 * A message kept for provider staff instead of becoming a ticket: an unknown or pending sender, or
 * verdicts that did not let us trust the From address. The raw MIME stays in the inbound bucket under
 * {@code rawKey}.
 */
public record HeldMail(String messageId, String from, String subject, String reason, String verdicts, String rawKey,
    Instant receivedAt) {}
