package nl.klantportaal.knowledge.search.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The strong and irregular verb forms of a language that no stemmer ties to their verb ("gesloten" and
 * "sluiten", "abgelaufen" and "ablaufen", "sent" and "send"): a curated table of the verbs a helpdesk's
 * articles and questions use, with their past tenses and past participles (and German present tenses whose
 * vowel changes: "läuft", "bricht", "lädt"). A form may follow a separable prefix ("afgesloten" →
 * "afsluiten", "fehlgeschlagen" → "fehlschlagen", "rewritten" → "rewrite") and, in
 * Dutch and German, an inseparable one that takes the participle's "ge" ("verbonden" → "verbinden",
 * "erkannt" → "erkennen", "behoben" → "beheben"); a German participle may carry an adjective's ending
 * ("abgelaufene"). A form that is also a common word of its own is left out ("namen", "lagen", "reden",
 * "leden", "vroeg", "wist", "wees"; "stand" of "Bestand", "Bot"; "left", "led", "wound"), and so are verbs
 * and forms that are stop words (a test holds this); words that a prefix and a form would turn into a verb
 * they are not are listed apart ({@link #NOT_FORMS}).
 */
final class IrregularVerbs {

  /** Each line: the infinitive, then its forms. Written as spelled; folded as words are when read. */
  private static final String NL = """
      aanbevelen aanbeval aanbevalen aanbevolen
      beginnen begon begonnen
      bevelen beval bevalen bevolen
      bewegen bewoog bewogen
      bieden bood boden geboden
      binden bond bonden gebonden
      blijken bleek bleken gebleken
      blijven bleef bleven gebleven
      breken brak braken gebroken
      brengen bracht brachten gebracht
      denken dacht dachten gedacht
      dragen droeg droegen gedragen
      dringen drong drongen gedrongen
      dwingen dwong dwongen gedwongen
      gaan ging gingen gegaan
      gelden gold golden gegolden
      geven gaf gaven gegeven
      grijpen greep grepen gegrepen
      hangen hing hingen gehangen
      heffen hief hieven geheven
      helpen hielp hielpen geholpen
      houden hield hielden gehouden
      kiezen koos kozen gekozen
      kijken keek keken gekeken
      klinken klonk klonken geklonken
      komen kwam kwamen gekomen
      kopen kocht kochten gekocht
      krijgen kreeg kregen gekregen
      laten liet lieten gelaten
      lezen las lazen gelezen
      lijken leek leken geleken
      lopen liep liepen gelopen
      nemen nam genomen
      roepen riep riepen geroepen
      schieten schoot schoten geschoten
      schijnen scheen schenen geschenen
      schrijven schreef schreven geschreven
      schuiven schoof schoven geschoven
      slaan sloeg sloegen geslagen
      sluiten sloot sloten gesloten
      spreken sprak spraken gesproken
      springen sprong sprongen gesprongen
      staan stond stonden gestaan
      steken stak gestoken
      stijgen steeg stegen gestegen
      treden trad traden getreden
      treffen trof troffen getroffen
      trekken trok trokken getrokken
      vallen viel vielen gevallen
      vangen ving vingen gevangen
      verdwijnen verdween verdwenen
      vergeten vergat vergaten
      verliezen verloor verloren
      vinden vond vonden gevonden
      vriezen vroor vroren gevroren
      werpen wierp wierpen geworpen
      weten wisten geweten
      wijzen gewezen
      winnen won wonnen gewonnen
      zeggen zei zeiden
      zenden zond zonden gezonden
      zien zag zagen gezien
      zitten zat zaten gezeten
      zoeken zocht zochten gezocht
      """;

  private static final String DE = """
      befehlen befahl befohlen
      beginnen begann begonnen
      bewegen bewog bewogen
      biegen bog gebogen
      bieten boten geboten
      binden banden gebunden
      bitten bat baten gebeten
      bleiben blieb blieben geblieben
      brechen brach brachen gebrochen bricht
      brennen brannte gebrannt
      bringen brachte brachten gebracht
      denken dachte dachten gedacht
      dringen drang gedrungen
      empfehlen empfahl empfohlen empfiehlt
      fahren fuhr fuhren gefahren fährt
      fallen fiel fielen gefallen fällt
      fangen fing gefangen fängt
      finden fand fanden gefunden
      fließen floss geflossen
      frieren fror gefroren
      geben gab gaben gegeben gibt
      gehen ging gingen gegangen
      gelingen gelang gelungen
      gelten galt gegolten gilt
      gewinnen gewann gewonnen
      gleichen glich geglichen
      greifen griff gegriffen
      halten hielt hielten gehalten hält
      hängen hing gehangen
      heben hob gehoben
      heißen hieß geheißen
      helfen half geholfen hilft
      kennen kannte gekannt
      kommen kam kamen gekommen
      laden lud geladen lädt
      lassen ließ gelassen lässt
      laufen lief gelaufen läuft
      leiden litt gelitten
      lesen las gelesen liest
      liegen lag gelegen
      meiden mied gemieden
      messen maß gemessen misst
      nehmen nahm nahmen genommen nimmt
      nennen nannte genannt
      raten riet geraten
      reißen riss gerissen
      rufen rief gerufen
      scheiden schied geschieden
      scheinen schien geschienen
      schieben schob geschoben
      schießen schoss geschossen
      schlagen schlug geschlagen schlägt
      schließen schloss schlossen geschlossen schließt
      schneiden geschnitten
      schreiben schrieb schrieben geschrieben
      sehen sah gesehen sieht
      senden sandte gesandt
      sitzen saß gesessen
      sprechen sprach gesprochen spricht
      springen sprang gesprungen
      stehen gestanden
      stehlen stahl gestohlen stiehlt
      steigen stieg gestiegen
      stoßen stieß gestoßen stößt
      streichen gestrichen
      tragen trug getragen trägt
      treffen traf getroffen
      treiben trieb getrieben
      treten trat getreten tritt
      tun tat getan tut
      vergessen vergaß vergisst
      verlieren verlor verloren
      verschwinden verschwand verschwunden
      weisen wies gewiesen
      wenden wandte gewandt
      werfen warf geworfen wirft
      wissen wusste gewusst
      ziehen zog gezogen
      zwingen zwang gezwungen
      """;

  private static final String EN = """
      begin began begun
      break broke broken
      bring brought
      build built
      buy bought
      catch caught
      choose chose chosen
      come came
      draw drew drawn
      drive drove driven
      fall fell fallen
      feel felt
      find found
      forbid forbade forbidden
      forget forgot forgotten
      forgive forgave forgiven
      freeze froze frozen
      give gave given
      go went gone
      grow grew grown
      hang hung
      hear heard
      hide hid hidden
      hold held
      keep kept
      know knew known
      lay laid
      lend lent
      lose lost
      make made
      mean meant
      meet met
      pay paid
      ring rang rung
      rise rose risen
      run ran
      say said
      see saw seen
      seek sought
      sell sold
      send sent
      shake shook shaken
      shoot shot
      show shown
      shrink shrank shrunk
      sink sank sunk
      sit sat
      sleep slept
      slide slid
      speak spoke spoken
      spend spent
      stand stood
      steal stole stolen
      stick stuck
      strike struck
      swear swore sworn
      take took taken
      teach taught
      tear tore torn
      tell told
      think thought
      throw threw thrown
      understand understood
      wake woke woken
      wear wore worn
      withdraw withdrew withdrawn
      write wrote written
      """;

  /** Separable prefixes, the bare form first: they stay in front of the participle's "ge" ("af-ge-sloten"). */
  static final List<String> NL_SEPARABLE = List.of("", "aan", "af", "bij", "binnen", "buiten", "door", "in", "los",
      "mee", "na", "neer", "om", "op", "over", "samen", "tegen", "terug", "toe", "uit", "vast", "voor", "weg");
  static final List<String> DE_SEPARABLE = List.of("", "ab", "an", "auf", "aus", "bereit", "dazu", "ein", "fehl",
      "fest", "frei", "her", "heraus", "herein", "herunter", "hin", "hinzu", "hoch", "los", "mit", "nach", "um", "vor",
      "weg", "weiter", "zu", "zuruck", "zusammen");
  private static final List<String> EN_SEPARABLE = List.of("", "mis", "out", "over", "re", "un", "under", "up");
  /** Inseparable prefixes: the participle has no "ge" after them ("ver-bonden", "er-kannt"). */
  private static final List<String> NL_INSEPARABLE = List.of("be", "er", "her", "ont", "onder", "ver");
  private static final List<String> DE_INSEPARABLE = List.of("be", "emp", "ent", "er", "miss", "uber", "unter", "ver",
      "zer");
  /** The endings a German participle takes as an adjective ("abgelaufene", "geschlossenen"). */
  static final List<String> DE_ADJECTIVE_ENDINGS = List.of("e", "en", "er", "es", "em");
  private static final int MIN_FORM = 5;

  /**
   * Words that a prefix and a form of the table would make into a verb they are not: nouns and adjectives
   * ("gevallen", cases; "verslagen", reports; "bekannt", known; "verschieden", different; "Umständen"; "Gefahren",
   * dangers; "Geräten", devices, folded to "geraten"). Checked as written and without an adjective's ending.
   */
  private static final Map<SearchLanguage, Set<String>> NOT_FORMS = Map.of(
      SearchLanguage.NL, Set.of("gevallen", "verslagen", "aandacht"),
      SearchLanguage.DE, Set.of("bekannt", "verschieden", "umstanden", "abstanden", "gefahren", "geraten", "vorhanden"),
      SearchLanguage.EN, Set.of());

  /** German participles without "ge" (their verb has an inseparable prefix): an adjective's ending may follow them. */
  private static final Set<String> DE_PARTICIPLES_WITHOUT_GE = Set.of("verloren", "verschwunden", "empfohlen", "befohlen",
      "begonnen", "bewogen");

  private final SearchLanguage language;
  private final Map<String, String> infinitiveOf;
  private final List<String> separable;
  private final List<String> inseparable;

  private IrregularVerbs(SearchLanguage language, String table, List<String> separable, List<String> inseparable) {
    this.language = language;
    Map<String, String> forms = new HashMap<>();
    for (String line : table.strip().split("\n")) {
      List<String> words = List.of(Words.fold(line.strip()).split(" +"));
      for (String form : words.subList(1, words.size())) {
        if (forms.put(form, words.getFirst()) != null) {
          throw new IllegalStateException("The form " + form + " is listed twice");
        }
      }
    }
    this.infinitiveOf = Map.copyOf(forms);
    this.separable = separable;
    this.inseparable = inseparable;
  }

  /** Each language's table, read once (a search makes an {@link Analyzer}; the tables are immutable). */
  private static final Map<SearchLanguage, IrregularVerbs> TABLES = new java.util.concurrent.ConcurrentHashMap<>();

  static IrregularVerbs of(SearchLanguage language) {
    return TABLES.computeIfAbsent(language, l -> switch (l) {
      case NL -> new IrregularVerbs(l, NL, NL_SEPARABLE, NL_INSEPARABLE);
      case DE -> new IrregularVerbs(l, DE, DE_SEPARABLE, DE_INSEPARABLE);
      case EN -> new IrregularVerbs(l, EN, EN_SEPARABLE, List.of());
    });
  }

  /** The table: each form and its infinitive (for its test). */
  Map<String, String> forms() {
    return infinitiveOf;
  }

  /**
   * The infinitive of a finite form as the table lists it, without a prefix or an ending ("läuft", "lief" →
   * "laufen"; "loopt" is not listed): a verb that can stand before its separable prefix. Empty for a participle
   * ("gelaufen", "abgelaufene"), a word with a prefix, and a word the table does not know.
   */
  Optional<String> finiteInfinitive(String word) {
    String infinitive = infinitiveOf.get(word);
    if (infinitive == null || word.startsWith("ge") || NOT_FORMS.get(language).contains(word)) {
      return Optional.empty();
    }
    return Optional.of(infinitive);
  }

  /**
   * The infinitives a folded word is a form of, as written with its prefixes ("afgesloten" → "afsluiten");
   * empty for a word the table does not know, or the infinitive itself.
   */
  List<String> infinitives(String word) {
    List<String> infinitives = new ArrayList<>();
    Set<String> notForms = NOT_FORMS.get(language);
    List<String> variants = variants(word);
    for (int v = 0; v < variants.size(); v++) {
      String variant = variants.get(v);
      if (notForms.contains(variant)) {
        return List.of();
      }
      for (String prefix : separable) {
        if (!variant.startsWith(prefix)) {
          continue;
        }
        // Without an adjective's ending the word can only be a participle ("abgelaufene"), never a past tense
        // ("Sprache" is no "sprach"); so can a Dutch or German word after a separable prefix, whose past tense
        // stands apart from it ("gab auf": "Aufgaben" are tasks, "uitgaven" expenses).
        boolean participleOnly = v > 0 || language != SearchLanguage.EN && !prefix.isEmpty();
        String rest = variant.substring(prefix.length());
        add(infinitives, prefix, rest, word, participleOnly);
        for (String inner : inseparable) {
          if (rest.startsWith(inner) && rest.length() > inner.length() + 1) {
            String core = rest.substring(inner.length());
            add(infinitives, prefix + inner, core, word, participleOnly);
            add(infinitives, prefix + inner, "ge" + core, word, participleOnly);
          }
        }
      }
    }
    return infinitives;
  }

  private void add(List<String> infinitives, String prefix, String form, String word, boolean participleOnly) {
    String infinitive = infinitiveOf.get(form);
    if (infinitive == null || participleOnly && !form.startsWith("ge") && !DE_PARTICIPLES_WITHOUT_GE.contains(form)) {
      return;
    }
    String verb = prefix + infinitive;
    if (!verb.equals(word) && !infinitives.contains(verb)) {
      infinitives.add(verb);
    }
  }

  private List<String> variants(String word) {
    return language == SearchLanguage.DE ? germanVariants(word) : List.of(word);
  }

  /** A German word as written and, when it may be a participle used as an adjective, without that ending. */
  static List<String> germanVariants(String word) {
    List<String> variants = new ArrayList<>(List.of(word));
    for (String ending : DE_ADJECTIVE_ENDINGS) {
      if (word.endsWith(ending) && word.length() - ending.length() >= MIN_FORM) {
        variants.add(word.substring(0, word.length() - ending.length()));
      }
    }
    return variants;
  }
}
