package nl.klantportaal.inboundmail.adapter.mime;

import java.io.ByteArrayOutputStream;

/** TNEF bytes written as MS-OXTNEF lays them out, for the tests that build a winmail.dat the real sample does not hold. */
final class TnefBytes {
  private TnefBytes() {}

  /** An attribute: its level, id, length, data and checksum (the data's bytes added, mod 65536). */
  static void attribute(ByteArrayOutputStream out, int level, int id, byte[] data) {
    out.write(level);
    le32(out, id);
    le32(out, data.length);
    out.writeBytes(data);
    int sum = 0;
    for (byte b : data) {
      sum += b & 0xFF;
    }
    le16(out, sum & 0xFFFF);
  }

  static void le16(ByteArrayOutputStream out, int value) {
    out.write(value & 0xFF);
    out.write((value >>> 8) & 0xFF);
  }

  static void le32(ByteArrayOutputStream out, int value) {
    le16(out, value & 0xFFFF);
    le16(out, (value >>> 16) & 0xFFFF);
  }
}
