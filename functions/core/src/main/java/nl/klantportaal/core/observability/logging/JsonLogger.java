package nl.klantportaal.core.observability.logging;

import java.io.PrintStream;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger that writes each event it lets through ({@link LogLevels}) as one JSON line
 * ({@link JsonLogLine}) to stdout, where Lambda takes it to CloudWatch Logs. The line is written with
 * one {@code write} on {@code System.out} as it is at that moment, so concurrent events never
 * interleave. Markers are ignored, as the layout before ignored them.
 */
final class JsonLogger extends LegacyAbstractLogger {
  private final boolean ours;

  JsonLogger(String name) {
    this.name = name;
    this.ours = LogLevels.isOurs(name);
  }

  @Override
  public boolean isTraceEnabled() {
    return LogLevels.enabled(ours, Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return LogLevels.enabled(ours, Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return LogLevels.enabled(ours, Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return LogLevels.enabled(ours, Level.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return LogLevels.enabled(ours, Level.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
      Throwable throwable) {
    String message = arguments == null || arguments.length == 0
        ? messagePattern
        : MessageFormatter.basicArrayFormat(messagePattern, arguments);
    byte[] line = JsonLogLine.format(System.currentTimeMillis(), level, message, throwable, MDC.getCopyOfContextMap());
    PrintStream out = System.out;
    out.write(line, 0, line.length);
    out.flush();
  }
}
