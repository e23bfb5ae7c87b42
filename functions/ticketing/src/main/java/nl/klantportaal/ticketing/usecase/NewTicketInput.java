package nl.klantportaal.ticketing.usecase;

import java.util.List;
import java.util.Map;

/**
 * A new ticket or service request as the API receives it (POST /tickets). Customers raise tickets
 * for themselves; provider staff raise them on a customer's behalf ({@code customerId},
 * {@code reporterId}, {@code source} phone or e-mail). {@code followUpOf} names a closed ticket of
 * the same customer (its number) that this one continues.
 */
public record NewTicketInput(String type, String category, String priority, String title, String description,
    List<String> involved, String requestType, Map<String, Object> answers, Long followUpOf, String customerId,
    String reporterId, String source) {}
