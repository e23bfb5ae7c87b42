package nl.klantportaal.privacy.domain;

import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.LocalizedText;

/**
 * The name an erased person leaves in the records other people keep (tickets, messages, attachments):
 * written in the language of the ticket's customer, since a stored ticket has one text for everyone
 * who reads it.
 */
public final class FormerUser {
  public static final LocalizedText NAME = new LocalizedText("voormalig gebruiker", "former user", "ehemaliger Benutzer");

  private FormerUser() {}

  public static String in(Language language) {
    return NAME.in(language);
  }
}
