package nl.klantportaal.core.shared.domain;

/** One reason a request field was refused: the JSON path, a stable code and a readable message. */
public record FieldError(String field, String code, String message) {}
