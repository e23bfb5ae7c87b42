package nl.klantportaal.knowledge.search.domain;

import java.util.Arrays;
import java.util.Optional;

/** The languages the knowledge base is written and searched in; each has its own index. */
public enum SearchLanguage {
  NL("nl", true),
  EN("en", false),
  DE("de", true);

  private final String code;
  private final boolean compounds;

  SearchLanguage(String code, boolean compounds) {
    this.code = code;
    this.compounds = compounds;
  }

  public String code() {
    return code;
  }

  /** Whether words are glued into compounds ("wachtwoordherstel", "Kennwortzurücksetzung") that search splits. */
  public boolean compounds() {
    return compounds;
  }

  public static Optional<SearchLanguage> fromCode(String code) {
    return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
  }
}
