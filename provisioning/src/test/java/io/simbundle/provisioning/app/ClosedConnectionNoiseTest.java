package io.simbundle.provisioning.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

/** Only jDiameter's "closed under the reader" error is dropped; every other line passes. */
class ClosedConnectionNoiseTest {

  private final LoggerContext context = new LoggerContext();
  private final ClosedConnectionNoise filter = new ClosedConnectionNoise();

  private LoggingEvent event(String logger, Throwable thrown) {
    Logger source = context.getLogger(logger);
    return new LoggingEvent(
        Logger.class.getName(), source, Level.ERROR, "Transport exception ", thrown, null);
  }

  @Test
  void theReadersClosedChannelErrorIsDroppedAndNothingElse() {
    assertThat(filter.decide(event(ClosedConnectionNoise.READER, new ClosedChannelException())))
        .isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(event(ClosedConnectionNoise.READER, new IOException("reset"))))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(event(ClosedConnectionNoise.READER, null)))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(event("org.jdiameter.Other", new ClosedChannelException())))
        .isEqualTo(FilterReply.NEUTRAL);
  }
}
