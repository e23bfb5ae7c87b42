package nl.klantportaal.inboundmail.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every rule of {@link MachineMail} over the corpus: machine/ files by their named reason, human/ files never. */
class InboundMachineMailTest {

  static List<String> machine() {
    return Corpus.files("machine").stream().map(p -> p.getFileName().toString()).toList();
  }

  static List<String> human() {
    return Corpus.files("human").stream().map(p -> p.getFileName().toString()).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("machine")
  void machineMailIsRecognisedByTheRuleItsNameGives(String file) {
    ParsedMail mail = Corpus.parse("machine/" + file);
    String expected = file.substring(0, file.indexOf("__"));
    assertEquals(Optional.of(expected), MachineMail.reason(mail, Corpus.envelope(mail), Corpus.OWN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("human")
  void mailAPersonWroteIsNotAMachines(String file) {
    ParsedMail mail = Corpus.parse("human/" + file);
    assertEquals(Optional.empty(), MachineMail.reason(mail, Corpus.envelope(mail), Corpus.OWN));
    boolean held = Expected.load().get(file).outcome().equals("held");
    assertTrue(mail.from().isPresent() || held, file + " has a sender");
    assertTrue(!mail.text().isBlank() || !mail.attachments().isEmpty(), file + " has text or a file");
  }

  @Test
  void theCorpusCoversEveryRule() {
    List<String> reasons = machine().stream().map(f -> f.substring(0, f.indexOf("__"))).distinct().sorted().toList();
    assertEquals(List.of("auto-response-suppress", "auto-submitted", "bounce-subject", "delivery-report", "list-id",
        "list-unsubscribe", "mailer-daemon", "mailing-list", "no-reply-sender", "null-sender", "out-of-office-subject", "own-message-id",
        "own-sender-address", "precedence", "report", "x-autoreply"), reasons);
    assertTrue(machine().size() + human().size() >= 150);
  }

  @Test
  void aNullEnvelopeSenderIsABounceEvenWithoutHeaders() {
    ParsedMail mail = Corpus.parse("human/gmail-reply-en.eml");
    assertEquals(Optional.of("null-sender"), MachineMail.reason(mail, "", Corpus.OWN));
    assertEquals(Optional.of("null-sender"), MachineMail.reason(mail, "<>", Corpus.OWN));
  }
}
