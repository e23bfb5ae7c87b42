package nl.klantportaal.ticketing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The magic-byte allow-list: each kind accepts its own signature and refuses the others and executables. */
class AttachmentKindTest {
  private static final byte[] EXE = bytes('M', 'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0);
  private static final byte[] ELF = bytes(0x7F, 'E', 'L', 'F', 2, 1, 1, 0);

  static byte[] sample(AttachmentKind kind) {
    return switch (kind) {
      case PNG -> bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R');
      case JPEG -> bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0);
      case GIF -> "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
      case WEBP -> "RIFF\u0024\u0000\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
      case PDF -> "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
      case DOCX, XLSX, PPTX, ZIP -> zip("[Content_Types].xml", "<Types/>");
      case DOC, XLS -> bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0);
      case TXT -> "Printer op de 2e verdieping geeft foutcode 50.4 — graag hulp.\n".getBytes(StandardCharsets.UTF_8);
      case CSV -> "datum;uren;omschrijving\n2026-11-23;1,5;Überstunden\n".getBytes(StandardCharsets.UTF_8);
      case EML -> ("Return-Path: <jan@acme.example.test>\r\nFrom: Jan <jan@acme.example.test>\r\n"
          + "Subject: =?UTF-8?Q?Printer?=\r\n\tcontinued\r\nMIME-Version: 1.0\r\n\r\nHallo,\r\n").getBytes(StandardCharsets.UTF_8);
    };
  }

  @ParameterizedTest
  @EnumSource(AttachmentKind.class)
  void eachKindAcceptsItsOwnSignature(AttachmentKind kind) {
    assertTrue(kind.matches(sample(kind), true), kind.name());
  }

  @ParameterizedTest
  @EnumSource(AttachmentKind.class)
  void noKindAcceptsAWindowsOrLinuxExecutable(AttachmentKind kind) {
    assertFalse(kind.matches(EXE, true), kind + " accepted an MZ header");
    assertFalse(kind.matches(ELF, true), kind + " accepted an ELF header");
  }

  @ParameterizedTest
  @EnumSource(AttachmentKind.class)
  void nothingIsNotAFile(AttachmentKind kind) {
    assertFalse(kind.matches(new byte[0], true));
  }

  @Test
  void binaryKindsRefuseEachOther() {
    assertFalse(AttachmentKind.PDF.matches(sample(AttachmentKind.PNG), true));
    assertFalse(AttachmentKind.PNG.matches(sample(AttachmentKind.JPEG), true));
    assertFalse(AttachmentKind.JPEG.matches(sample(AttachmentKind.GIF), true));
    assertFalse(AttachmentKind.WEBP.matches("RIFF\u0024\u0000\u0000\u0000WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1), true),
        "a RIFF container that is not WebP (a WAV file)");
    assertFalse(AttachmentKind.DOCX.matches(sample(AttachmentKind.DOC), true), "OLE2 is not OOXML");
    assertFalse(AttachmentKind.XLS.matches(sample(AttachmentKind.XLSX), true), "OOXML is not OLE2");
    assertFalse(AttachmentKind.ZIP.matches(sample(AttachmentKind.PDF), true));
  }

  @Test
  void textMustBeUtf8WithoutNulBytes() {
    assertFalse(AttachmentKind.TXT.matches("abc\u0000def".getBytes(StandardCharsets.UTF_8), true), "a NUL byte");
    assertFalse(AttachmentKind.TXT.matches(bytes('c', 'a', 'f', 0xE9, '\n'), true), "Latin-1, not UTF-8");
    assertFalse(AttachmentKind.CSV.matches(sample(AttachmentKind.PNG), true));
    assertFalse(AttachmentKind.TXT.matches(sample(AttachmentKind.PDF), true), "a PDF's binary comment line");
    assertTrue(AttachmentKind.TXT.matches(bytes(0xEF, 0xBB, 0xBF, 'h', 'i'), true), "a UTF-8 byte-order mark is fine");
  }

  @Test
  void aCharacterCutOffAtTheEndOfTheSampleIsNotAnError() {
    byte[] text = "prijs: 10 €".getBytes(StandardCharsets.UTF_8); // € is three bytes
    byte[] cut = Arrays.copyOf(text, text.length - 1);
    assertTrue(AttachmentKind.TXT.matches(cut, false), "the sample ends inside the €, the file goes on");
    assertFalse(AttachmentKind.TXT.matches(cut, true), "the whole file ends inside the €");
  }

  @Test
  void mailMustStartWithHeaderFields() {
    assertFalse(AttachmentKind.EML.matches("Hallo,\r\nzie bijlage\r\n".getBytes(StandardCharsets.UTF_8), true));
    assertFalse(AttachmentKind.EML.matches(" folded: first\r\n".getBytes(StandardCharsets.UTF_8), true));
    assertFalse(AttachmentKind.EML.matches("From: a@example.test\r\nno colon here\r\n".getBytes(StandardCharsets.UTF_8), true));
    assertFalse(AttachmentKind.EML.matches("\r\nFrom: a@example.test\r\n".getBytes(StandardCharsets.UTF_8), true),
        "an empty first line means no header at all");
    assertTrue(AttachmentKind.EML.matches("From: a@example.test\r\nSubject: hi".getBytes(StandardCharsets.UTF_8), true));
  }

  @Test
  void contentTypesAreReadWithoutParametersAndCase() {
    assertEquals(Optional.of(AttachmentKind.TXT), AttachmentKind.ofContentType("Text/Plain; charset=UTF-8"));
    assertEquals(Optional.of(AttachmentKind.ZIP), AttachmentKind.ofContentType("application/x-zip-compressed"));
    assertEquals(Optional.empty(), AttachmentKind.ofContentType("application/x-msdownload"));
    assertEquals(Optional.empty(), AttachmentKind.ofContentType("text/html"));
    assertEquals(Optional.empty(), AttachmentKind.ofContentType("image/svg+xml"));
    assertEquals(Optional.empty(), AttachmentKind.ofContentType(null));
  }

  @Test
  void extensionsBelongToTheirKind() {
    assertTrue(AttachmentKind.JPEG.acceptsExtension("JPG"));
    assertTrue(AttachmentKind.JPEG.acceptsExtension("jpeg"));
    assertFalse(AttachmentKind.PDF.acceptsExtension("exe"));
    assertFalse(AttachmentKind.ZIP.acceptsExtension("docx"));
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  static byte[] zip(String entry, String content) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
