package nl.klantportaal.core.observability.logging;

import java.util.Locale;
import org.slf4j.event.Level;

/**
 * The two thresholds of the function's logging, as the log4j configuration had them: our loggers
 * ({@code nl.klantportaal} and below) from {@code POWERTOOLS_LOG_LEVEL} (INFO when unset), every other
 * logger (the AWS SDK, Powertools, EMF) from WARN. Powertools sets both at once when it starts
 * ({@link PowertoolsLogLevels}: POWERTOOLS_LOG_LEVEL, Lambda's log level, sampling), as log4j's
 * {@code setAllLevels} on the root did.
 */
public final class LogLevels {
  static final String OUR_LOGGERS = "nl.klantportaal";

  private static volatile Level ours = parse(System.getenv("POWERTOOLS_LOG_LEVEL"));
  private static volatile Level others = Level.WARN;

  private LogLevels() {}

  /** Whether {@code level} passes the threshold of our loggers ({@code ourLogger}) or of the others. */
  static boolean enabled(boolean ourLogger, Level level) {
    return level.toInt() >= (ourLogger ? ours : others).toInt();
  }

  /** The threshold of a logger named {@code loggerName}. */
  public static Level of(String loggerName) {
    return isOurs(loggerName) ? ours : others;
  }

  /** Every logger from now on logs {@code level} and above. */
  public static void setAll(Level level) {
    ours = level;
    others = level;
  }

  static boolean isOurs(String loggerName) {
    return loggerName.equals(OUR_LOGGERS) || loggerName.startsWith(OUR_LOGGERS + ".");
  }

  /** A level name as Powertools reads it: SLF4J's names in any case, FATAL as ERROR, anything else INFO. */
  static Level parse(String name) {
    if (name == null) {
      return Level.INFO;
    }
    String upper = name.trim().toUpperCase(Locale.ROOT);
    if (upper.equals("FATAL")) {
      return Level.ERROR;
    }
    for (Level level : Level.values()) {
      if (level.name().equals(upper)) {
        return level;
      }
    }
    return Level.INFO;
  }
}
