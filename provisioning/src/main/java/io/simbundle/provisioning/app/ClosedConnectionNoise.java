package io.simbundle.provisioning.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.nio.channels.ClosedChannelException;

/**
 * Drops the ERROR jDiameter's connection reader logs when its own channel is closed under it — a
 * peer leaving, or the stack closing the connection — which is how every connection ends, not a
 * fault. Other transport errors are logged as before. Configured in {@code logback.xml}.
 */
public final class ClosedConnectionNoise extends Filter<ILoggingEvent> {

  static final String READER = "org.jdiameter.client.impl.transport.tcp.TCPTransportClient";

  @Override
  public FilterReply decide(ILoggingEvent event) {
    IThrowableProxy thrown = event.getThrowableProxy();
    return READER.equals(event.getLoggerName())
            && thrown != null
            && ClosedChannelException.class.getName().equals(thrown.getClassName())
        ? FilterReply.DENY
        : FilterReply.NEUTRAL;
  }
}
