package nl.klantportaal.core.api;

import nl.klantportaal.core.shared.domain.Language;

/**
 * The stable problem types of the API (RFC 9457). {@code type} is {@code urn:klantportaal:problem:<code>};
 * titles exist in Dutch, English and German and follow the caller's Accept-Language.
 */
public enum ProblemType {
  VALIDATION_FAILED(400, "validation-failed",
      "De invoer is niet geldig", "The input is not valid", "Die Eingabe ist ungültig"),
  MALFORMED_JSON(400, "malformed-json",
      "De aanvraag is geen geldige JSON", "The request body is not valid JSON", "Der Inhalt ist kein gültiges JSON"),
  INVALID_CURSOR(400, "invalid-cursor",
      "De paginacursor is ongeldig", "The page cursor is not valid", "Der Seiten-Cursor ist ungültig"),
  INVALID_PARAMETER(400, "invalid-parameter",
      "Een parameter is ongeldig", "A parameter is not valid", "Ein Parameter ist ungültig"),
  INVALID_CODE(400, "invalid-code",
      "De code klopt niet", "The code is not correct", "Der Code ist nicht korrekt"),
  EXPIRED_CODE(400, "expired-code",
      "De code is verlopen; vraag een nieuwe aan", "The code has expired; ask for a new one",
      "Der Code ist abgelaufen; fordern Sie einen neuen an"),
  INVALID_CREDENTIALS(401, "invalid-credentials",
      "E-mailadres of wachtwoord klopt niet", "E-mail address or password is not correct",
      "E-Mail-Adresse oder Passwort ist nicht korrekt"),
  UNAUTHENTICATED(401, "unauthenticated",
      "Log opnieuw in", "Please sign in again", "Bitte melden Sie sich erneut an"),
  MFA_REQUIRED(403, "mfa-required",
      "Stel eerst tweestapsverificatie in", "Set up two-factor authentication first",
      "Richten Sie zuerst die Zwei-Faktor-Authentifizierung ein"),
  FORBIDDEN(403, "forbidden",
      "U heeft hiervoor geen rechten", "You are not allowed to do this", "Dazu sind Sie nicht berechtigt"),
  NOT_FOUND(404, "not-found",
      "Niet gevonden", "Not found", "Nicht gefunden"),
  VERSION_CONFLICT(409, "version-conflict",
      "Iemand anders heeft dit intussen gewijzigd", "Someone else changed this in the meantime",
      "Jemand anderes hat dies inzwischen geändert"),
  ALREADY_EXISTS(409, "already-exists",
      "Dit bestaat al", "This already exists", "Dies existiert bereits"),
  ILLEGAL_STATE(409, "illegal-state",
      "Dit kan in de huidige status niet", "This is not possible in the current state",
      "Dies ist im aktuellen Status nicht möglich"),
  RATE_MISSING(409, "rate-missing",
      "Er ontbreekt een uurtarief in de afspraken met de klant", "An hourly rate is missing from the customer's agreement",
      "Im Vertrag mit dem Kunden fehlt ein Stundensatz"),
  IDEMPOTENCY_IN_PROGRESS(409, "idempotency-in-progress",
      "Dezelfde aanvraag wordt nog verwerkt", "The same request is still being processed",
      "Dieselbe Anfrage wird noch verarbeitet"),
  PAYLOAD_TOO_LARGE(413, "payload-too-large",
      "De aanvraag is te groot", "The request is too large", "Die Anfrage ist zu groß"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type",
      "Stuur de aanvraag als application/json", "Send the request as application/json",
      "Senden Sie die Anfrage als application/json"),
  UPLOAD_NOT_RECEIVED(409, "upload-not-received",
      "Het bestand is nog niet geüpload", "The file has not been uploaded yet", "Die Datei wurde noch nicht hochgeladen"),
  UPLOAD_EXPIRED(410, "upload-expired",
      "De upload is verlopen; begin opnieuw", "The upload has expired; start again",
      "Der Upload ist abgelaufen; bitte neu beginnen"),
  ATTACHMENT_TYPE_NOT_ALLOWED(415, "attachment-type-not-allowed",
      "Dit soort bestand kan niet worden bijgevoegd", "This kind of file cannot be attached",
      "Diese Art von Datei kann nicht angehängt werden"),
  ATTACHMENT_SIZE_MISMATCH(422, "attachment-size-mismatch",
      "Het geüploade bestand heeft niet de aangekondigde grootte", "The uploaded file does not have the announced size",
      "Die hochgeladene Datei hat nicht die angekündigte Größe"),
  IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused",
      "Deze Idempotency-Key is al gebruikt voor een andere aanvraag",
      "This Idempotency-Key was already used for a different request",
      "Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet"),
  TOO_MANY_REQUESTS(429, "too-many-requests",
      "Te veel pogingen; probeer het later opnieuw", "Too many attempts; try again later",
      "Zu viele Versuche; bitte später erneut versuchen"),
  LINK_INVALID(400, "link-invalid",
      "Deze link is ongeldig", "This link is not valid", "Dieser Link ist ungültig"),
  LINK_EXPIRED(410, "link-expired",
      "Deze link is verlopen; open het ticket in het portaal", "This link has expired; open the ticket in the portal",
      "Dieser Link ist abgelaufen; öffnen Sie das Ticket im Portal"),
  LINK_USED(409, "link-used",
      "Deze link is al gebruikt", "This link has already been used", "Dieser Link wurde bereits verwendet"),
  INTERNAL(500, "internal",
      "Er ging iets mis aan onze kant", "Something went wrong on our side", "Bei uns ist etwas schiefgelaufen"),
  SERVICE_UNAVAILABLE(503, "service-unavailable",
      "Een onderdeel van het portaal is even niet bereikbaar; probeer het zo opnieuw",
      "Part of the portal is unavailable for a moment; please try again shortly",
      "Ein Teil des Portals ist kurz nicht erreichbar; bitte versuchen Sie es gleich noch einmal");

  private final int status;
  private final String code;
  private final String titleNl;
  private final String titleEn;
  private final String titleDe;

  ProblemType(int status, String code, String titleNl, String titleEn, String titleDe) {
    this.status = status;
    this.code = code;
    this.titleNl = titleNl;
    this.titleEn = titleEn;
    this.titleDe = titleDe;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String uri() {
    return "urn:klantportaal:problem:" + code;
  }

  public String title(Language language) {
    return switch (language) {
      case NL -> titleNl;
      case EN -> titleEn;
      case DE -> titleDe;
    };
  }
}
