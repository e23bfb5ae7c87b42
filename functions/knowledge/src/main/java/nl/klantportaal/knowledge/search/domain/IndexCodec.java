package nl.klantportaal.knowledge.search.domain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The stored forms of a language's index, gzipped: the index itself (what a search loads: articles, field
 * lengths, terms with their postings) and the documents it was built from (what a change reads to rebuild
 * it). Plain {@code java.io}, versioned by a leading format number. The index's number also names the
 * analysis that made its terms ({@link Analyzer}): an index made by an earlier analysis decodes as absent,
 * and is built again from its documents, which stay in the format they have.
 */
public final class IndexCodec {

  /** The documents' format. */
  private static final int FORMAT = 1;
  /**
   * The index's format and analysis: 1 until 2026-12-07; 2 with the Dutch verb forms, whose terms an index of 1
   * lacks (so an article that says "werkt" would not be found by "werken" until its language's next change); 3
   * (the same day, later) with the strong and irregular verbs ({@link IrregularVerbs}); 4 with German verbs in
   * -eln ("wechselt" → "wechseln"); 5 with a separable verb standing apart at a clause's end in an article ("läuft
   * ... ab." → "ablaufen").
   */
  static final int INDEX_FORMAT = 5;
  private static final int FIELDS = Field.values().length;

  private IndexCodec() {}

  public static byte[] encode(InvertedIndex index) {
    return write(out -> {
      out.writeInt(INDEX_FORMAT);
      writeText(out, index.language().code());
      out.writeInt(index.articles().size());
      for (IndexedArticle article : index.articles()) {
        writeText(out, article.articleId());
        writeText(out, article.slug());
        writeText(out, article.title());
        writeText(out, article.summary());
        writeText(out, article.categoryId());
        out.writeByte(article.visibility().ordinal());
        writeText(out, article.customerId());
        for (int length : article.lengths()) {
          out.writeInt(length);
        }
      }
      out.writeInt(index.postings().size());
      for (Map.Entry<String, List<Posting>> term : index.postings().entrySet()) {
        writeText(out, term.getKey());
        out.writeInt(term.getValue().size());
        for (Posting posting : term.getValue()) {
          out.writeInt(posting.article());
          for (int frequency : posting.frequencies()) {
            out.writeShort(Math.min(frequency, Short.MAX_VALUE));
          }
        }
      }
    });
  }

  /** The index, or empty when an earlier analysis made it (build it again from its documents). */
  public static Optional<InvertedIndex> decodeIndex(byte[] bytes) {
    try (DataInputStream in = reader(bytes)) {
      int format = in.readInt();
      if (format < INDEX_FORMAT) {
        return Optional.empty();
      }
      SearchLanguage language = language(in, format, INDEX_FORMAT);
      int count = in.readInt();
      List<IndexedArticle> articles = new ArrayList<>(count);
      for (int a = 0; a < count; a++) {
        String articleId = readText(in);
        String slug = readText(in);
        String title = readText(in);
        String summary = readText(in);
        String categoryId = readText(in);
        Visibility visibility = Visibility.values()[in.readByte()];
        String customerId = readText(in);
        int[] lengths = new int[FIELDS];
        for (int f = 0; f < FIELDS; f++) {
          lengths[f] = in.readInt();
        }
        articles.add(new IndexedArticle(articleId, slug, title, summary, categoryId, visibility, customerId, lengths));
      }
      int terms = in.readInt();
      Map<String, List<Posting>> postings = new HashMap<>(terms * 2);
      for (int t = 0; t < terms; t++) {
        String term = readText(in);
        int size = in.readInt();
        List<Posting> list = new ArrayList<>(size);
        for (int p = 0; p < size; p++) {
          int article = in.readInt();
          int[] frequencies = new int[FIELDS];
          for (int f = 0; f < FIELDS; f++) {
            frequencies[f] = in.readShort();
          }
          list.add(new Posting(article, frequencies));
        }
        postings.put(term, List.copyOf(list));
      }
      return Optional.of(new InvertedIndex(language, articles, postings));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] encode(SearchLanguage language, List<SearchDocument> documents) {
    return write(out -> {
      out.writeInt(FORMAT);
      writeText(out, language.code());
      out.writeInt(documents.size());
      for (SearchDocument d : documents) {
        for (String text : List.of(d.articleId(), d.slug(), d.title(), d.summary(), d.bodyText(), d.categoryId(),
            d.visibility().name(), d.customerId())) {
          writeText(out, text);
        }
        out.writeInt(d.tags().size());
        for (String tag : d.tags()) {
          writeText(out, tag);
        }
      }
    });
  }

  public static List<SearchDocument> decodeDocuments(byte[] bytes) {
    try (DataInputStream in = reader(bytes)) {
      SearchLanguage language = language(in, in.readInt(), FORMAT);
      int count = in.readInt();
      List<SearchDocument> documents = new ArrayList<>(count);
      for (int d = 0; d < count; d++) {
        String articleId = readText(in);
        String slug = readText(in);
        String title = readText(in);
        String summary = readText(in);
        String body = readText(in);
        String categoryId = readText(in);
        Visibility visibility = Visibility.valueOf(readText(in));
        String customerId = readText(in);
        int tagCount = in.readInt();
        List<String> tags = new ArrayList<>(tagCount);
        for (int t = 0; t < tagCount; t++) {
          tags.add(readText(in));
        }
        documents.add(new SearchDocument(articleId, slug, language, title, summary, body, tags, categoryId, visibility, customerId));
      }
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Writing {
    void to(DataOutputStream out) throws IOException;
  }

  private static byte[] write(Writing writing) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
      writing.to(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static DataInputStream reader(byte[] bytes) throws IOException {
    return new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes)));
  }

  private static SearchLanguage language(DataInputStream in, int format, int expected) throws IOException {
    if (format != expected) {
      throw new IOException("unknown search index format " + format);
    }
    String code = readText(in);
    return SearchLanguage.fromCode(code).orElseThrow(() -> new IOException("unknown language " + code));
  }

  private static void writeText(DataOutputStream out, String text) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readText(DataInputStream in) throws IOException {
    return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
  }
}
