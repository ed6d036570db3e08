package io.simbundle.provisioning.channels.store;

import io.simbundle.catalog.NoCatalogInForceException;
import io.simbundle.platform.database.DatabaseFailures;
import io.simbundle.platform.json.Json;
import io.simbundle.provisioning.ProvisioningException;
import io.simbundle.provisioning.channels.http.Problem;
import io.simbundle.provisioning.channels.http.ProblemException;
import io.simbundle.provisioning.channels.http.ProblemResponses;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RedeliveryPolicyDefinition;
import org.apache.camel.model.RouteDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Store orders from a Kafka topic, for several engine nodes sharing a peak: every node joins one
 * consumer group, so each order message is taken by one node at a time. A message is a store's
 * signed order exactly as pushed over HTTP: the raw JSON order as its value, headers {@value
 * #STORE}, {@value StoreOrderRoutes#TIMESTAMP} and {@value StoreOrderRoutes#SIGNATURE}. Its answer
 * (the order, or an RFC 9457 problem) goes to the results topic under the same key, with the HTTP
 * status the same order would have got as header {@value #STATUS}.
 *
 * <p>The offset is committed only after the answer is written, so a node that dies mid-way leaves
 * the message to the next owner of its partition; the store's order id makes that second take
 * harmless. While the database or the catalog is unavailable the message is retried in place (its
 * partition waits) instead of being answered with an error.
 *
 * <p>The replay window is checked against the message's timestamp rather than the time it is taken,
 * so a backlog does not turn into stale signatures; give the topic {@code
 * message.timestamp.type=LogAppendTime} so that timestamp is the broker's, not the sender's.
 */
public final class StoreOrderTopicRoute extends RouteBuilder {

  public static final String STORE = "X-Simbundle-Store";
  public static final String STATUS = "X-Simbundle-Status";

  private static final Logger log = LoggerFactory.getLogger(StoreOrderTopicRoute.class);
  private static final String COMMIT = "SimbundleKafkaCommit";

  private final KafkaIntakeSettings settings;
  private final StoreOrderIntake intake;
  private final Clock clock;

  public StoreOrderTopicRoute(KafkaIntakeSettings settings, StoreOrderIntake intake, Clock clock) {
    this.settings = settings;
    this.intake = intake;
    this.clock = clock;
  }

  @Override
  public void configure() {
    RouteDefinition route =
        from("kafka:"
                + settings.ordersTopic()
                + "?brokers="
                + settings.brokers()
                + "&groupId="
                + settings.groupId()
                + "&consumersCount="
                + settings.consumers()
                + "&autoOffsetReset=earliest&autoCommitEnable=false&allowManualCommit=true"
                + "&breakOnFirstError=true&maxPollRecords=50")
            .routeId("store-order-topic");
    // Route-scoped, so the HTTP problem handlers never answer (and so skip) such a message.
    OnExceptionDefinition unavailable =
        route
            .onException(NoCatalogInForceException.class, TransientDatabaseError.class)
            .handled(false);
    unavailable.setRedeliveryPolicyType(
        new RedeliveryPolicyDefinition()
            .maximumRedeliveries(-1)
            .redeliveryDelay(500)
            .useExponentialBackOff()
            .backOffMultiplier(2)
            .maximumRedeliveryDelay(30_000)
            .allowRedeliveryWhileStopping(false)
            .retryAttemptedLogLevel(LoggingLevel.WARN));
    unavailable
        .end()
        .process(this::take)
        .to("kafka:" + settings.resultsTopic() + "?brokers=" + settings.brokers())
        .process(this::commit);
  }

  private void take(Exchange exchange) {
    Message in = exchange.getIn();
    exchange.setProperty(COMMIT, in.getHeader(KafkaConstants.MANUAL_COMMIT));
    String key = in.getHeader(KafkaConstants.KEY, String.class);
    String where =
        "kafka:"
            + in.getHeader(KafkaConstants.TOPIC)
            + "/"
            + in.getHeader(KafkaConstants.PARTITION)
            + "/"
            + in.getHeader(KafkaConstants.OFFSET);
    Long appended = in.getHeader(KafkaConstants.TIMESTAMP, Long.class);
    Instant signedAt = appended == null ? clock.instant() : Instant.ofEpochMilli(appended);
    int status;
    Object answer;
    try {
      StoreOrderIntake.Accepted accepted =
          intake.take(
              in.getHeader(STORE, String.class),
              in.getHeader(StoreOrderRoutes.TIMESTAMP, String.class),
              in.getHeader(StoreOrderRoutes.SIGNATURE, String.class),
              in.getBody(String.class),
              signedAt);
      status = 202;
      answer = accepted.order();
    } catch (ProblemException e) {
      status = e.problem().status();
      answer = e.problem().toJson(where);
    } catch (ProvisioningException e) {
      Problem problem = ProblemResponses.of(e);
      status = problem.status();
      answer = problem.toJson(where);
    } catch (RuntimeException e) {
      if (e instanceof NoCatalogInForceException) {
        throw e;
      }
      // Unreachable, or a lock wait or deadlock: the next try may well succeed.
      if (DatabaseFailures.unreachable(e)
          || DatabaseFailures.causedBy(e, SQLTransientException.class)) {
        throw new TransientDatabaseError(e);
      }
      // A message no retry can mend is answered, not retried for ever.
      log.error("order message {} failed", where, e);
      status = 500;
      answer =
          Problem.of(
                  500,
                  "internal-error",
                  "Internal error",
                  "the order could not be taken; the error is logged")
              .toJson(where);
    }
    Map<String, Object> headers = new HashMap<>();
    headers.put(KafkaConstants.KEY, key == null ? "" : key);
    headers.put(STATUS, String.valueOf(status));
    exchange.getMessage().setHeaders(headers);
    exchange.getMessage().setBody(Json.write(answer));
  }

  private void commit(Exchange exchange) {
    KafkaManualCommit commit = exchange.getProperty(COMMIT, KafkaManualCommit.class);
    if (commit != null) {
      commit.commit();
    }
  }

  /** A database failure that goes away by itself (lost connection, lock wait, timeout). */
  static final class TransientDatabaseError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TransientDatabaseError(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }
}
