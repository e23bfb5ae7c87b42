package nl.klantportaal.core.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** SLF4J reaches log4j (and so Powertools' JSON layout); a NOP binding would drop every log line. */
class LoggingIsWiredTest {
  @Test
  void slf4jIsBoundToLog4j() {
    assertEquals("org.apache.logging.slf4j.Log4jLoggerFactory", LoggerFactory.getILoggerFactory().getClass().getName());
  }
}
