package nl.klantportaal.core.observability.logging;

import org.slf4j.Logger;
import org.slf4j.event.Level;
import software.amazon.lambda.powertools.logging.internal.LoggingManager;

/**
 * How Powertools logging sets the log level (POWERTOOLS_LOG_LEVEL, Lambda's advanced logging controls,
 * POWERTOOLS_LOGGER_SAMPLE_RATE) on our JSON logging: found with {@code ServiceLoader}
 * (META-INF/services), as powertools-logging-log4j's and -logback's managers are. The interface lives
 * in a Powertools {@code internal} package: it is the extension point those modules use, so a
 * Powertools upgrade may change it (LoggingIsWiredTest would fail).
 */
public final class PowertoolsLogLevels implements LoggingManager {
  @Override
  public void setLogLevel(Level level) {
    LogLevels.setAll(level);
  }

  @Override
  public Level getLogLevel(Logger logger) {
    return LogLevels.of(logger.getName());
  }
}
