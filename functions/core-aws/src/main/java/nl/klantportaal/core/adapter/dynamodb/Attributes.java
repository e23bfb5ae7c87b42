package nl.klantportaal.core.adapter.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** Short forms for the attribute declarations of the static (reflection-free) item schemas. */
public final class Attributes {
  private Attributes() {}

  public static <T> void key(StaticTableSchema.Builder<T> b, Function<T, String> pk, BiConsumer<T, String> setPk,
      Function<T, String> sk, BiConsumer<T, String> setSk) {
    b.addAttribute(String.class, a -> a.name(Keys.PK).getter(pk).setter(setPk).tags(primaryPartitionKey()));
    b.addAttribute(String.class, a -> a.name(Keys.SK).getter(sk).setter(setSk).tags(primarySortKey()));
  }

  /** A string attribute that is also the partition ({@code sort == false}) or sort key of {@code index}. */
  public static <T> void indexKey(StaticTableSchema.Builder<T> b, String index, String name, boolean sort,
      Function<T, String> get, BiConsumer<T, String> set) {
    b.addAttribute(String.class, a -> a.name(name).getter(get).setter(set)
        .tags(sort ? secondarySortKey(index) : secondaryPartitionKey(index)));
  }

  public static <T> void string(StaticTableSchema.Builder<T> b, String name, Function<T, String> get, BiConsumer<T, String> set) {
    b.addAttribute(String.class, a -> a.name(name).getter(get).setter(set));
  }

  public static <T> void number(StaticTableSchema.Builder<T> b, String name, Function<T, Long> get, BiConsumer<T, Long> set) {
    b.addAttribute(Long.class, a -> a.name(name).getter(get).setter(set));
  }

  public static <T> void bool(StaticTableSchema.Builder<T> b, String name, Function<T, Boolean> get, BiConsumer<T, Boolean> set) {
    b.addAttribute(Boolean.class, a -> a.name(name).getter(get).setter(set));
  }

  public static <T> void strings(StaticTableSchema.Builder<T> b, String name, Function<T, List<String>> get,
      BiConsumer<T, List<String>> set) {
    b.addAttribute(EnhancedType.listOf(String.class), a -> a.name(name).getter(get).setter(set));
  }

  public static <T> void stringMap(StaticTableSchema.Builder<T> b, String name, Function<T, Map<String, String>> get,
      BiConsumer<T, Map<String, String>> set) {
    b.addAttribute(EnhancedType.mapOf(String.class, String.class), a -> a.name(name).getter(get).setter(set));
  }

  /** The constant {@code type} attribute every item carries (stream consumers and mixed queries dispatch on it). */
  public static <T> void type(StaticTableSchema.Builder<T> b, String type) {
    b.addAttribute(String.class, a -> a.name("type").getter(i -> type).setter((i, v) -> { }));
  }
}
