package nl.klantportaal.ticketing.usecase;

/**
 * The service-level section of a ticket's detail (its targets, deadlines and their state), shaped by
 * the context that keeps them: the SLA's view implements this and is written out as it is. Tickets
 * only carry it.
 */
public interface ServiceLevelView {}
