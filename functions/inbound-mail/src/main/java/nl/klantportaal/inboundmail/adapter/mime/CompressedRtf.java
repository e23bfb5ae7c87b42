package nl.klantportaal.inboundmail.adapter.mime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Outlook's compressed RTF ({@code PR_RTF_COMPRESSED}) to RTF, written from Microsoft's open specification
 * [MS-OXRTFCP]: a 16-byte header (COMPSIZE, the bytes after it; RAWSIZE, the RTF's size; COMPTYPE, "LZFu" compressed or
 * "MELA" stored as is; CRC, of the compressed bytes for LZFu and 0 for MELA) and the LZ77 runs of LZFu, decompressed
 * through a 4096-byte dictionary that starts with the 207-byte preset RTF text. RAWSIZE is checked against a limit
 * before anything is allocated for it, COMPSIZE against the bytes there are, the CRC is verified, and the output is
 * never let grow beyond RAWSIZE: bad input is {@link Result.Refused} with its reason.
 */
final class CompressedRtf {
  static final int LZFU = 0x75465A4C;
  static final int MELA = 0x414C454D;
  private static final int HEADER = 16;
  private static final int DICTIONARY = 4096;
  /** MS-OXRTFCP 3.1.1.1.1: the dictionary's first 207 bytes. */
  private static final byte[] PRESET = ("{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern "
      + "\\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par "
      + "\\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx").getBytes(StandardCharsets.US_ASCII);
  private static final int[] CRC_TABLE = new int[256];

  static {
    if (PRESET.length != 207) {
      throw new IllegalStateException("MS-OXRTFCP's preset dictionary has 207 bytes, not " + PRESET.length);
    }
    for (int i = 0; i < 256; i++) {
      int crc = i;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xEDB88320 : crc >>> 1;
      }
      CRC_TABLE[i] = crc;
    }
  }

  private CompressedRtf() {}

  /** The RTF, or why there is none. */
  sealed interface Result {
    record Rtf(byte[] rtf) implements Result {}

    record Refused(String why) implements Result {}
  }

  /** The RTF in {@code compressed}, if it declares at most {@code maxRaw} bytes of it. */
  static Result decompress(byte[] compressed, long maxRaw) {
    if (compressed.length < HEADER) {
      return new Result.Refused("compressed RTF without its header (" + compressed.length + " bytes)");
    }
    long compSize = TnefReader.u32(compressed, 0);
    long rawSize = TnefReader.u32(compressed, 4);
    long compType = TnefReader.u32(compressed, 8);
    long crc = TnefReader.u32(compressed, 12);
    if (rawSize > maxRaw) {
      return new Result.Refused("RTF of " + rawSize + " bytes, more than " + maxRaw);
    }
    if (compSize < HEADER - 4 || compSize > compressed.length - 4L) {
      return new Result.Refused("compressed RTF declares COMPSIZE " + compSize + ", it has " + (compressed.length - 4) + " bytes after it");
    }
    int end = (int) compSize + 4;
    if (compType == MELA) {
      if (crc != 0) {
        return new Result.Refused("uncompressed RTF (MELA) with CRC 0x%08X, not 0".formatted(crc));
      }
      if (rawSize > end - HEADER) {
        return new Result.Refused("uncompressed RTF (MELA) declares RAWSIZE " + rawSize + ", it has " + (end - HEADER) + " bytes");
      }
      return new Result.Rtf(Arrays.copyOfRange(compressed, HEADER, HEADER + (int) rawSize));
    }
    if (compType != LZFU) {
      return new Result.Refused("compressed RTF of type 0x%08X, neither LZFu nor MELA".formatted(compType));
    }
    long actual = crc(compressed, HEADER, end);
    if (actual != crc) {
      return new Result.Refused("compressed RTF (LZFu) CRC mismatch: its header says 0x%08X, its data gives 0x%08X".formatted(crc, actual));
    }
    return lzfu(compressed, end, (int) rawSize);
  }

  /** MS-OXRTFCP 2.1.3.1.3: the CRC-32 table of polynomial 0xEDB88320, starting at 0, without a final inversion. */
  static long crc(byte[] bytes, int from, int to) {
    int crc = 0;
    for (int i = from; i < to; i++) {
      crc = CRC_TABLE[(crc ^ bytes[i]) & 0xFF] ^ (crc >>> 8);
    }
    return crc & 0xFFFFFFFFL;
  }

  /**
   * MS-OXRTFCP 2.2.3.1: a control byte, then per bit (lowest first) a literal byte (0) or a big-endian reference (1) of a
   * 12-bit dictionary offset and a 4-bit length (+2); a reference to the dictionary's write position ends the data.
   */
  private static Result lzfu(byte[] in, int end, int rawSize) {
    byte[] dictionary = new byte[DICTIONARY];
    System.arraycopy(PRESET, 0, dictionary, 0, PRESET.length);
    int write = PRESET.length;
    byte[] out = new byte[rawSize];
    int produced = 0;
    int at = HEADER;
    while (at < end) {
      int control = in[at++] & 0xFF;
      for (int bit = 0; bit < 8; bit++) {
        if ((control & (1 << bit)) == 0) {
          if (at >= end) {
            return new Result.Refused("compressed RTF (LZFu) ends without its end marker");
          }
          if (produced == rawSize) {
            return new Result.Refused("compressed RTF (LZFu) gives more than its RAWSIZE of " + rawSize + " bytes");
          }
          byte literal = in[at++];
          out[produced++] = literal;
          dictionary[write] = literal;
          write = (write + 1) % DICTIONARY;
          continue;
        }
        if (at + 2 > end) {
          return new Result.Refused("compressed RTF (LZFu) cut off in a dictionary reference");
        }
        int reference = (in[at] & 0xFF) << 8 | in[at + 1] & 0xFF;
        at += 2;
        int offset = reference >>> 4;
        int length = (reference & 0x0F) + 2;
        if (offset == write) {
          return new Result.Rtf(Arrays.copyOf(out, produced));
        }
        if (produced > rawSize - length) {
          return new Result.Refused("compressed RTF (LZFu) gives more than its RAWSIZE of " + rawSize + " bytes");
        }
        for (int i = 0; i < length; i++) {
          byte b = dictionary[(offset + i) % DICTIONARY];
          out[produced++] = b;
          dictionary[write] = b;
          write = (write + 1) % DICTIONARY;
        }
      }
    }
    return new Result.Refused("compressed RTF (LZFu) ends without its end marker");
  }
}
