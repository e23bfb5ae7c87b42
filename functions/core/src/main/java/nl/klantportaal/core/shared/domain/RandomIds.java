package nl.klantportaal.core.shared.domain;

import java.security.SecureRandom;

/** Short random parts of readable ids (lower-case letters and digits, no look-alikes). */
public final class RandomIds {
  private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomIds() {}

  public static String suffix() {
    char[] out = new char[6];
    for (int i = 0; i < out.length; i++) {
      out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(out);
  }
}
