package nl.klantportaal.accounts.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the e-mail-change notice shows the new address: its first character, three dots, the whole domain. */
class EmailChangeNoticeTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "jan.jansen@example.com, j•••@example.com",
      "j@example.com, j•••@example.com",
      "wendy.winkel@bakkerij.example.test, w•••@bakkerij.example.test",
      "\"quoted@local\"@example.com, \"•••@example.com",
      "ömer@例え.jp, ö•••@例え.jp",
      "𝔞lice@example.com, 𝔞•••@example.com",
      "no-address, •••",
      "@example.com, •••",
  })
  void theLocalPartShowsItsFirstCharacterOnlyAndTheDomainStays(String address, String masked) {
    assertEquals(masked, EmailChangeNotice.mask(address));
  }

  @Test
  void theNoticeShowsTheNewAddressMaskedNeverTheOldOne() {
    var notice = new EmailChangeNotice(new UserId("u-1"), Optional.empty(), 2, "jan@acme.example.test",
        "jan.privé@example.org", "Jan", Language.NL, Instant.parse("2026-11-23T09:30:00Z"));
    assertEquals("j•••@example.org", notice.maskedNewAddress());
  }
}
