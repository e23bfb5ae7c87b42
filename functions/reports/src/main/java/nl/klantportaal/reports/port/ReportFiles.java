package nl.klantportaal.reports.port;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The reports bucket: report PDFs, presigned downloads, and the provider's logo if one is configured. */
public interface ReportFiles {
  void put(String key, byte[] pdf);

  void delete(String key);

  Optional<byte[]> read(String key);

  /** A GET that answers the PDF as an attachment named {@code fileName}, valid for {@code validFor}. */
  Download presignDownload(String key, String fileName, Duration validFor);

  record Download(URI url, Instant expiresAt) {}
}
