package io.simbundle.provisioning.channels.store;

import io.simbundle.platform.settings.InvalidSettingException;
import io.simbundle.platform.settings.Settings;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the engine also takes store orders from a Kafka topic, so that several engine nodes share a
 * peak: each node joins one consumer group and gets its share of the topic's partitions.
 *
 * @param brokers the Kafka bootstrap servers, {@code host:port,...}
 * @param ordersTopic the topic stores (or their gateway) write signed orders to
 * @param resultsTopic the topic every order's answer is written to, keyed like the order
 * @param groupId the consumer group all engine nodes join
 * @param consumers how many consumers this node runs (at most one per partition is busy)
 */
public record KafkaIntakeSettings(
    String brokers, String ordersTopic, String resultsTopic, String groupId, int consumers) {

  public static final String BROKERS = "simbundle.kafka.brokers";
  public static final String ORDERS_TOPIC = "simbundle.kafka.orders-topic";
  public static final String RESULTS_TOPIC = "simbundle.kafka.results-topic";
  public static final String GROUP_ID = "simbundle.kafka.group-id";
  public static final String CONSUMERS = "simbundle.kafka.consumers";

  public KafkaIntakeSettings {
    Objects.requireNonNull(brokers);
    Objects.requireNonNull(ordersTopic);
    Objects.requireNonNull(resultsTopic);
    Objects.requireNonNull(groupId);
    if (brokers.isBlank()) {
      throw new InvalidSettingException(BROKERS, brokers, "names no broker");
    }
    if (ordersTopic.equals(resultsTopic)) {
      throw new InvalidSettingException(
          RESULTS_TOPIC, resultsTopic, "must differ from the orders topic");
    }
    if (consumers < 1 || consumers > 64) {
      throw new InvalidSettingException(CONSUMERS, String.valueOf(consumers), "1 to 64");
    }
  }

  /** The defaults for a broker list: topics {@code simbundle.store-orders} and its results. */
  public static KafkaIntakeSettings of(String brokers) {
    return new KafkaIntakeSettings(
        brokers, "simbundle.store-orders", "simbundle.store-order-results", "simbundle-intake", 2);
  }

  /** The intake when {@value #BROKERS} is set; none otherwise. */
  public static Optional<KafkaIntakeSettings> from(Settings settings) {
    return settings
        .find(BROKERS)
        .filter(brokers -> !brokers.isBlank())
        .map(
            brokers -> {
              KafkaIntakeSettings defaults = of(brokers);
              return new KafkaIntakeSettings(
                  brokers,
                  settings.text(ORDERS_TOPIC, defaults.ordersTopic()),
                  settings.text(RESULTS_TOPIC, defaults.resultsTopic()),
                  settings.text(GROUP_ID, defaults.groupId()),
                  settings.integer(CONSUMERS, defaults.consumers()));
            });
  }
}
