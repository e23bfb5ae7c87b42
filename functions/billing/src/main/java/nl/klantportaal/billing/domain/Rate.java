package nl.klantportaal.billing.domain;

import java.time.LocalDate;

/** The hourly rate of a registration type for a customer, from {@code effectiveFrom} until the next rate of that type. */
public record Rate(RegistrationType type, LocalDate effectiveFrom, Money hourly) {}
