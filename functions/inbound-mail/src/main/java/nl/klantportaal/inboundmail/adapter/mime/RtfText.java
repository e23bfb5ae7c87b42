package nl.klantportaal.inboundmail.adapter.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.swing.text.BadLocationException;
import javax.swing.text.Document;
import javax.swing.text.rtf.RTFEditorKit;

/**
 * RTF to plain text with the JDK's RTF reader ({@link RTFEditorKit}, no window needed): the text runs with their
 * paragraph and line breaks, {@code \'hh} characters of the ANSI code page and RTF's Unicode characters (the control word u and a number); fonts, colours,
 * pictures and Outlook's hidden destinations ({@code \*\htmltag} of HTML wrapped in RTF) are not text and go.
 * Used for an Outlook mail whose only text is the compressed RTF in its {@code winmail.dat} ({@link TnefContent}).
 * Known limit: {@code \'hh} characters are read as Windows-1252 whatever {@code \ansicpg} says (Outlook also writes
 * characters outside it as Unicode control words, which are read right).
 */
final class RtfText {

  private RtfText() {}

  /** The text of an RTF document; an exception when the reader cannot read it (the caller says so in the ticket). */
  static String of(byte[] rtf) throws IOException {
    RTFEditorKit kit = new RTFEditorKit();
    Document document = kit.createDefaultDocument();
    try {
      kit.read(new ByteArrayInputStream(rtf), document, 0);
      String text = document.getText(0, document.getLength());
      return text.replace('\u00a0', ' ').replaceAll("[ \t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    } catch (BadLocationException e) {
      throw new IOException("RTF text unreadable", e);
    }
  }
}
