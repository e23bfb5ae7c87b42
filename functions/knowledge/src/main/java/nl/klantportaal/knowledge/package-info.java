/**
 * The knowledge context: knowledge-base categories and articles (Markdown, language versions, visibility,
 * versions), their public reading, read counts and votes, search with stemming and compound splitting, ticket
 * suggestions, and service notices with the public status page. docs/knowledge.md describes it.
 */
package nl.klantportaal.knowledge;
