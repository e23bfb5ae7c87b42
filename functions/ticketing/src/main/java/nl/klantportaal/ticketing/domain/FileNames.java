package nl.klantportaal.ticketing.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * File names as a user's browser sent them, made safe to store, show and offer for download: no
 * folders, no control or invisible formatting characters (such as the right-to-left override that
 * turns {@code exe.pdf} around), none of the characters Windows reserves, no leading or trailing
 * dots and spaces, no device names, at most {@link #MAX_LENGTH} characters with the extension kept.
 */
public final class FileNames {
  /** Longest sanitised name, in characters (code points). */
  public static final int MAX_LENGTH = 120;
  /** Longest extension kept, without the dot. */
  public static final int MAX_EXTENSION = 10;
  /** Longest name accepted from a client before sanitising. */
  public static final int MAX_INPUT_LENGTH = 255;

  private static final String RESERVED = "<>:\"/\\|?*";
  private static final Set<String> DEVICE_NAMES = Set.of("CON", "PRN", "AUX", "NUL",
      "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
      "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

  private FileNames() {}

  /** The safe form of {@code raw}; never empty ({@code attachment} when nothing usable is left). */
  public static String sanitise(String raw) {
    String name = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFC);
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    StringBuilder clean = new StringBuilder();
    name.codePoints().forEach(c -> {
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
          || Character.getType(c) == Character.UNASSIGNED || Character.getType(c) == Character.PRIVATE_USE
          || Character.getType(c) == Character.SURROGATE) {
        return;
      }
      if (RESERVED.indexOf(c) >= 0) {
        clean.append('_');
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        clean.append(' ');
      } else {
        clean.appendCodePoint(c);
      }
    });
    name = clean.toString().replaceAll(" {2,}", " ");
    name = trimTrailingDotsAndSpaces(name.strip());

    String base = name;
    String extension = "";
    int dot = name.lastIndexOf('.');
    if (dot >= 0 && dot < name.length() - 1) {
      String candidate = name.substring(dot + 1);
      if (candidate.codePointCount(0, candidate.length()) <= MAX_EXTENSION && !candidate.contains(" ")) {
        base = trimDotsAndSpaces(name.substring(0, dot));
        extension = candidate;
      }
    }
    base = trimDotsAndSpaces(base);
    if (base.isEmpty()) {
      base = "attachment";
    }
    String stem = base.split("\\.", 2)[0].strip().toUpperCase(Locale.ROOT);
    if (DEVICE_NAMES.contains(stem)) {
      base = "_" + base;
    }
    int room = MAX_LENGTH - (extension.isEmpty() ? 0 : extension.codePointCount(0, extension.length()) + 1);
    base = trimDotsAndSpaces(truncate(base, room));
    if (base.isEmpty()) {
      base = "attachment";
    }
    return extension.isEmpty() ? base : base + "." + extension;
  }

  /** The extension of a (sanitised) name without the dot, or empty. */
  public static Optional<String> extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 && dot < name.length() - 1 ? Optional.of(name.substring(dot + 1)) : Optional.empty();
  }

  private static String truncate(String s, int codePoints) {
    if (s.codePointCount(0, s.length()) <= codePoints) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, codePoints));
  }

  private static String trimTrailingDotsAndSpaces(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ' ')) {
      end--;
    }
    return s.substring(0, end);
  }

  private static String trimDotsAndSpaces(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && (s.charAt(start) == '.' || s.charAt(start) == ' ')) {
      start++;
    }
    while (end > start && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ' ')) {
      end--;
    }
    return s.substring(start, end);
  }
}
