package io.simbundle.provisioning.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Times every HTTP request the engine answers, by the route that took it and the status it got
 * ({@code simbundle_http_server_requests_seconds}, with a histogram for latency quantiles).
 */
public final class HttpRequestMeter extends EventNotifierSupport {

  private final MeterRegistry registry;
  // Looked up on every request: one timer per route and status, built once.
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  public HttpRequestMeter(MeterRegistry registry) {
    this.registry = registry;
    setIgnoreCamelContextEvents(true);
    setIgnoreRouteEvents(true);
    setIgnoreServiceEvents(true);
    setIgnoreStepEvents(true);
    setIgnoreExchangeCreatedEvent(true);
    setIgnoreExchangeSendingEvents(true);
    setIgnoreExchangeSentEvents(true);
    setIgnoreExchangeRedeliveryEvents(true);
    setIgnoreExchangeAsyncProcessingStartedEvents(true);
  }

  @Override
  public boolean isEnabled(CamelEvent event) {
    return event instanceof CamelEvent.ExchangeCompletedEvent
        || event instanceof CamelEvent.ExchangeFailedEvent;
  }

  @Override
  public void notify(CamelEvent event) {
    Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
    if (exchange.getFromEndpoint() == null
        || !exchange.getFromEndpoint().getEndpointUri().startsWith("platform-http:")) {
      return;
    }
    Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    String route = exchange.getFromRouteId() == null ? "unknown" : exchange.getFromRouteId();
    String code = String.valueOf(status == null ? (exchange.isFailed() ? 500 : 200) : status);
    timers
        .computeIfAbsent(
            route + ' ' + code,
            key ->
                Timer.builder("simbundle.http.server.requests")
                    .description("HTTP requests by route and status")
                    .tag("route", route)
                    .tag("status", code)
                    .publishPercentileHistogram()
                    .register(registry))
        .record(exchange.getClock().elapsed(), TimeUnit.MILLISECONDS);
  }
}
