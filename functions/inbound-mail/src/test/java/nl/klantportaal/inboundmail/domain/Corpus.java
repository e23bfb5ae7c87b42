package nl.klantportaal.inboundmail.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.klantportaal.inboundmail.adapter.mime.Mime4jMailParser;

/** The test corpus under src/test/resources/corpus/: machine/ (file name = expected reason__case) and human/. */
public final class Corpus {
  public static final MachineMail.OwnMail OWN = new MachineMail.OwnMail(Set.of("no-reply@klantportaal.example"),
      "klantportaal.example");
  private static final Mime4jMailParser PARSER = new Mime4jMailParser();

  private Corpus() {}

  public static List<Path> files(String folder) {
    try (Stream<Path> files = Files.list(Path.of(Corpus.class.getResource("/corpus/" + folder).toURI()))) {
      return files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] raw(String name) {
    try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No corpus file " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ParsedMail parse(String name) {
    return PARSER.parse(raw(name));
  }

  /** The envelope sender as SES would report it: the Return-Path if the file has one, otherwise the From address. */
  public static String envelope(ParsedMail mail) {
    return mail.firstHeader("Return-Path").map(v -> v.replaceAll("[<>\\s]", "")).orElse(mail.from().orElse(""));
  }
}
