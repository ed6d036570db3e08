package io.simbundle.provisioning.channels.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.platform.database.TestDatabase;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.KafkaBroker;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import io.simbundle.provisioning.outbox.RequestSignature;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two engine nodes on one database take a flash sale's store orders from one Kafka topic of a real
 * KRaft broker: every message is answered once on the results topic, each order is delivered twice
 * yet created once, the stock is never oversold and bad messages are answered with the HTTP
 * intake's problems.
 */
@EngineTest
class StoreOrderTopicTest {

  private static final int STOCK = 25;
  private static final int BUYERS = 60;
  private static final String CAMPAIGN = ", \"campaign\": {\"id\": \"yixun-wechat-wo-presale\"}";

  private static KafkaBroker broker;
  private static KafkaIntakeSettings intake;
  private static DatabaseSettings database;
  private static TestEngine first;
  private static TestEngine second;
  private static String secret;

  @BeforeAll
  static void start() {
    broker = KafkaBroker.start();
    intake = KafkaIntakeSettings.of(broker.bootstrapServers());
    broker.createTopic(intake.ordersTopic(), 4);
    broker.createTopic(intake.resultsTopic(), 1);
    database = TestDatabase.newSchemaSettings("kafka_intake");
    var catalog = Optional.of(Presale.flashSaleCatalog(STOCK));
    first = TestEngine.start(database, catalog, TestEngine.CLOCK, Optional.of(intake));
    second = TestEngine.start(database, catalog, TestEngine.CLOCK, Optional.of(intake));
    new Presale(first).stock("GD", 70_000, 100);
    var onboarded =
        first.adminPost(
            "/admin/stores",
            """
            {"id": "yixun", "name": "Yixun (易迅)", "callbackUrl": "http://127.0.0.1:9/callback",
             "campaigns": ["yixun-wechat-wo-presale"]}
            """);
    assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
    secret = Presale.read(onboarded).path("secret").asText();
  }

  @AfterAll
  static void stop() {
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private static ProducerRecord<String, String> signed(String key, String body, String signingKey) {
    String timestamp = String.valueOf(Instant.now().getEpochSecond());
    ProducerRecord<String, String> record = new ProducerRecord<>(intake.ordersTopic(), key, body);
    record.headers().add(StoreOrderTopicRoute.STORE, bytes("yixun"));
    record.headers().add(StoreOrderRoutes.TIMESTAMP, bytes(timestamp));
    record
        .headers()
        .add(StoreOrderRoutes.SIGNATURE, bytes(RequestSignature.sign(signingKey, timestamp, body)));
    return record;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void twoNodesShareTheTopicAndNeitherDuplicatesNorOversell() throws Exception {
    List<ProducerRecord<String, String>> messages = new ArrayList<>();
    Map<String, String> buyerOf = new HashMap<>();
    for (int b = 0; b < BUYERS; b++) {
      String idNumber = Presale.newIdNumber("19960606");
      // Each buyer orders twice (the limit is one) and every order is delivered twice.
      for (int attempt = 0; attempt < 2; attempt++) {
        String externalId = "YX-K-" + b + "-" + attempt;
        buyerOf.put(externalId, idNumber);
        String body =
            Presale.order(externalId, idNumber, "wechat-wo", "{\"type\": \"deposit\"}", CAMPAIGN)
                .replace("\"channel\": {\"id\": \"yixun\"}, ", "");
        messages.add(signed("yixun/" + externalId, body, secret));
        messages.add(signed("yixun/" + externalId, body, secret));
      }
    }
    String forged =
        Presale.order("YX-K-forged", Presale.newIdNumber("19960606"), "wechat-wo", "{}", CAMPAIGN)
            .replace("\"channel\": {\"id\": \"yixun\"}, ", "");
    messages.add(signed("yixun/YX-K-forged", forged, "not-the-store-secret"));
    messages.add(signed("yixun/YX-K-garbage", "{\"externalId\": ", secret));
    java.util.Collections.shuffle(messages, new java.util.Random(6));

    Properties producerSettings = broker.clientProperties();
    producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(producerSettings, new StringSerializer(), new StringSerializer())) {
      for (ProducerRecord<String, String> message : messages) {
        producer.send(message);
      }
      producer.flush();
    }

    Map<String, List<ConsumerRecord<String, String>>> answers = readAnswers(messages.size());

    assertThat(answers.values().stream().mapToInt(List::size).sum())
        .as("one answer per message")
        .isEqualTo(messages.size());
    assertThat(status(answers.get("yixun/YX-K-forged").get(0))).isEqualTo(401);
    assertThat(status(answers.get("yixun/YX-K-garbage").get(0))).isEqualTo(400);

    Set<String> orderIds = new HashSet<>();
    Set<String> winners = new HashSet<>();
    for (var entry : answers.entrySet()) {
      if (!entry.getKey().startsWith("yixun/YX-K-") || !buyerOf.containsKey(id(entry.getKey()))) {
        continue;
      }
      List<ConsumerRecord<String, String>> both = entry.getValue();
      assertThat(both).as(entry.getKey()).hasSize(2);
      JsonNode one = read(both.get(0));
      JsonNode other = read(both.get(1));
      assertThat(status(both.get(1))).as(entry.getKey()).isEqualTo(status(both.get(0)));
      if (status(both.get(0)) == 202) {
        assertThat(other.path("id").asText()).isEqualTo(one.path("id").asText());
        assertThat(one.path("duplicate").asBoolean() ^ other.path("duplicate").asBoolean())
            .as("exactly one of the two deliveries created the order")
            .isTrue();
        orderIds.add(one.path("id").asText());
        winners.add(buyerOf.get(id(entry.getKey())));
      } else {
        assertThat(status(both.get(0))).as(one.toString()).isEqualTo(422);
        assertThat(one.path("reasons").findValuesAsText("code"))
            .isNotEmpty()
            .allMatch(code -> code.equals("SOLD_OUT") || code.equals("BUYER_LIMIT_REACHED"));
      }
    }
    assertThat(orderIds).as("never oversold, never short").hasSize(STOCK);
    assertThat(winners).as("one card per buyer").hasSize(STOCK);
    assertThat(count("SELECT COUNT(*) FROM product_order WHERE state = 'acknowledged'"))
        .isEqualTo(STOCK);
    assertThat(count("SELECT COUNT(*) - COUNT(DISTINCT external_id) FROM product_order"))
        .as("duplicates created")
        .isZero();
    assertThat(count("SELECT COALESCE(SUM(remaining), 0) FROM campaign_stock_slice")).isZero();

    // Both nodes are in the consumer group, two consumers each, one partition each.
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      ConsumerGroupDescription group =
          admin
              .describeConsumerGroups(List.of(intake.groupId()))
              .all()
              .get(10, TimeUnit.SECONDS)
              .get(intake.groupId());
      Collection<MemberDescription> members = group.members();
      assertThat(members).hasSize(2 * intake.consumers());
      Set<TopicPartition> assigned = new HashSet<>();
      members.forEach(m -> assigned.addAll(m.assignment().topicPartitions()));
      assertThat(assigned).hasSize(4);
    }
  }

  private static String id(String key) {
    return key.substring("yixun/".length());
  }

  private static Map<String, List<ConsumerRecord<String, String>>> readAnswers(int expected) {
    Properties settings = broker.clientProperties();
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    Map<String, List<ConsumerRecord<String, String>>> answers = new HashMap<>();
    int received = 0;
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(intake.resultsTopic()));
      while (received < expected && Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, String> answer : consumer.poll(Duration.ofMillis(500))) {
          answers.computeIfAbsent(answer.key(), k -> new ArrayList<>()).add(answer);
          received++;
        }
      }
    }
    return answers;
  }

  private static int status(ConsumerRecord<String, String> answer) {
    return Integer.parseInt(
        new String(
            answer.headers().lastHeader(StoreOrderTopicRoute.STATUS).value(),
            StandardCharsets.UTF_8));
  }

  private static JsonNode read(ConsumerRecord<String, String> answer) throws Exception {
    return Presale.JSON.readTree(answer.value());
  }

  private static long count(String sql) throws Exception {
    return TestDatabase.count(database, sql);
  }
}
