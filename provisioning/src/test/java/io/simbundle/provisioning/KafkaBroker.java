package io.simbundle.provisioning;

import io.simbundle.platform.net.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), run in a
 * JVM of its own from the Kafka release on the test class path, on loopback ports. Its storage is
 * formatted first with Kafka's own storage tool, as an operator would.
 */
public final class KafkaBroker implements AutoCloseable {

  private final Process process;
  private final String bootstrapServers;
  private final Path log;

  private KafkaBroker(Process process, String bootstrapServers, Path log) {
    this.process = process;
    this.bootstrapServers = bootstrapServers;
    this.log = log;
  }

  public static KafkaBroker start() {
    try {
      Path home = Files.createTempDirectory("simbundle-kafka");
      int brokerPort = FreePort.next();
      int controllerPort = FreePort.next();
      Path config = home.resolve("server.properties");
      Files.writeString(
          config,
          String.join(
              "\n",
              "process.roles=broker,controller",
              "node.id=1",
              "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
              "listeners=PLAINTEXT://127.0.0.1:"
                  + brokerPort
                  + ",CONTROLLER://127.0.0.1:"
                  + controllerPort,
              "advertised.listeners=PLAINTEXT://127.0.0.1:" + brokerPort,
              "controller.listener.names=CONTROLLER",
              "inter.broker.listener.name=PLAINTEXT",
              "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
              "log.dirs=" + home.resolve("data"),
              "offsets.topic.replication.factor=1",
              "offsets.topic.num.partitions=4",
              "transaction.state.log.replication.factor=1",
              "transaction.state.log.min.isr=1",
              "group.initial.rebalance.delay.ms=0",
              "auto.create.topics.enable=false",
              ""));
      Path log = home.resolve("broker.log");
      run(
          List.of(
              "kafka.tools.StorageTool",
              "format",
              "-t",
              Uuid.randomUuid().toString(),
              "-c",
              config.toString()),
          log);
      Process broker =
          java("kafka.Kafka", config.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      KafkaBroker started = new KafkaBroker(broker, "127.0.0.1:" + brokerPort, log);
      started.awaitReady(Duration.ofSeconds(60));
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ProcessBuilder java(String mainClass, String... args) {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-Dlogback.configurationFile=kafka-broker-logback.xml",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  private static void run(List<String> mainAndArgs, Path log) throws IOException {
    Process tool =
        java(mainAndArgs.get(0), mainAndArgs.subList(1, mainAndArgs.size()).toArray(String[]::new))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    try {
      if (!tool.waitFor(60, TimeUnit.SECONDS) || tool.exitValue() != 0) {
        tool.destroyForcibly();
        throw new IllegalStateException(
            mainAndArgs.get(0) + " failed; see " + log + ":\n" + Files.readString(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Admin admin() {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            5000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            10000));
  }

  private void awaitReady(Duration timeout) throws IOException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the Kafka broker exited:\n" + Files.readString(log));
      }
      try (Admin admin = admin()) {
        admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
        pause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    close();
    throw new IllegalStateException(
        "the Kafka broker did not start in " + timeout + "; see " + log);
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Creates a topic whose messages carry the broker's append time, as the intake expects. */
  public void createTopic(String name, int partitions) {
    try (Admin admin = admin()) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(name, partitions, (short) 1)
                      .configs(Map.of("message.timestamp.type", "LogAppendTime"))))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create topic " + name, e);
    }
  }

  /** Producer settings for this broker. */
  public Properties clientProperties() {
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return properties;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
