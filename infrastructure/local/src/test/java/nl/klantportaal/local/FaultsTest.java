package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fault switch itself: which call fails with which status, for how long, and what it counted. */
class FaultsTest {

  @Test
  void aFaultForTheNextCallsFailsExactlyThoseAndThenTheOperationWorks() {
    Faults faults = new Faults();
    faults.failNext(Faults.Service.S3, "PutObject", 2, 503);
    assertEquals(Optional.empty(), faults.strike(Faults.Service.S3, "GetObject"), "another operation is left alone");
    assertEquals(Optional.empty(), faults.strike(Faults.Service.SES, "PutObject"), "another service is left alone");
    assertEquals(Optional.of(503), faults.strike(Faults.Service.S3, "PutObject"));
    assertEquals(Optional.of(503), faults.strike(Faults.Service.S3, "PutObject"));
    assertEquals(Optional.empty(), faults.strike(Faults.Service.S3, "PutObject"));
    assertEquals(List.of(), faults.armed());
    assertEquals(4, faults.calls(Faults.Service.S3, "*"));
    assertEquals(3, faults.calls(Faults.Service.S3, "PutObject"));
    assertEquals(2, faults.injected(Faults.Service.S3, "*"));
    assertEquals(0, faults.injected(Faults.Service.SES, "*"));
  }

  @Test
  void aStandingFaultFailsEveryMatchingCallUntilClearedAndTheCountsStay() {
    Faults faults = new Faults();
    faults.failAlways(Faults.Service.SES, "*", 500);
    for (int i = 0; i < 5; i++) {
      assertEquals(Optional.of(500), faults.strike(Faults.Service.SES, "SendEmail"));
    }
    faults.clear();
    assertEquals(Optional.empty(), faults.strike(Faults.Service.SES, "SendEmail"));
    assertEquals(5, faults.injected(Faults.Service.SES, "SendEmail"));
    assertEquals(6, faults.calls(Faults.Service.SES, "SendEmail"));
  }

  @Test
  void onlyServerErrorsAndAPositiveCountAreFaults() {
    Faults faults = new Faults();
    assertThrows(IllegalArgumentException.class, () -> faults.failAlways(Faults.Service.S3, "PutObject", 404));
    assertThrows(IllegalArgumentException.class, () -> faults.failNext(Faults.Service.S3, "PutObject", 0, 503));
  }

  @Test
  void operationsAreNamedAsAwsNamesThem() {
    assertEquals(Optional.of("PutObject"), Faults.s3Operation("putBlob"));
    assertEquals(Optional.of("HeadObject"), Faults.s3Operation("blobMetadataIfPresent"));
    assertEquals(Optional.of("CopyObject"), Faults.s3Operation("copyBlob"));
    assertEquals(Optional.empty(), Faults.s3Operation("containerExists"), "bucket calls are left alone");
    assertEquals("SendEmail", Faults.sesOperation("POST", "/v2/email/outbound-emails"));
    assertEquals("GET /store", Faults.sesOperation("GET", "/store"));
  }
}
