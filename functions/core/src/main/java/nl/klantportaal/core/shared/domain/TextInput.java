package nl.klantportaal.core.shared.domain;


/**
 * A text users see, as a provider admin sends it: Dutch, English and German, each required (texts
 * users see exist in all three). Used by the catalogue and the SLA calendar's closures.
 */
public record TextInput(String nl, String en, String de) {

  /** The text, or null after adding a field error for each missing or oversize language. */
  public static LocalizedText read(Validation v, String path, TextInput input, int max) {
    if (input == null) {
      v.check(false, path, "required", "is required in nl, en and de");
      return null;
    }
    var nl = v.requiredText(path + ".nl", input.nl(), max);
    var en = v.requiredText(path + ".en", input.en(), max);
    var de = v.requiredText(path + ".de", input.de(), max);
    return nl.isPresent() && en.isPresent() && de.isPresent() ? new LocalizedText(nl.get(), en.get(), de.get()) : null;
  }

  public static TextInput of(LocalizedText text) {
    return new TextInput(text.nl(), text.en(), text.de());
  }
}
