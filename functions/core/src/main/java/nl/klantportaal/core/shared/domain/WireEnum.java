package nl.klantportaal.core.shared.domain;

import java.util.Arrays;
import java.util.Optional;

/** An enum with the name it has in JSON and in stored items. */
public interface WireEnum {
  String wireName();

  static <E extends Enum<E> & WireEnum> Optional<E> fromWire(Class<E> type, String value) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.wireName().equals(value)).findFirst();
  }

  static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String value) {
    return fromWire(type, value).orElseThrow(() -> new IllegalArgumentException("Unknown " + type.getSimpleName() + " " + value));
  }
}
