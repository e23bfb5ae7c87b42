package nl.klantportaal.knowledge.article.usecase;

import nl.klantportaal.core.shared.domain.TextInput;

/**
 * The body of {@code POST /kb/categories} ({@code version} absent) and {@code PUT /kb/categories/{categoryId}}
 * ({@code version} required): the slug, the name in nl, en and de, and the place in the list.
 */
public record CategoryInput(String slug, TextInput names, Integer order, Long version) {}
