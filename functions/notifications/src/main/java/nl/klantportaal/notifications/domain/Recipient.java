package nl.klantportaal.notifications.domain;

import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.Language;

/** One person a ticket mail goes to, in its own language; {@code agent} marks provider staff. */
public record Recipient(UserId id, String email, String displayName, Language language, boolean agent) {}
