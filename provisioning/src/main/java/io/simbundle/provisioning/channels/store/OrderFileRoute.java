package io.simbundle.provisioning.channels.store;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks up store order files: {@code <directory>/<store id>/*.csv}. Each file is processed by
 * {@link OrderFiles}, then moved to {@code done/} when every line became an order (or was one
 * already), to {@code error/} otherwise, with its report beside it ({@code <file>.report.csv}). A
 * file is taken only once it has stopped changing; if the database is down the file stays and is
 * tried again.
 */
public final class OrderFileRoute extends RouteBuilder {

  private static final Logger log = LoggerFactory.getLogger(OrderFileRoute.class);
  private static final String OUTCOME = "SimbundleOrderFileOutcome";

  private final Path directory;
  private final OrderFiles files;

  public OrderFileRoute(Path directory, OrderFiles files) {
    this.directory = directory;
    this.files = files;
  }

  @Override
  public void configure() throws Exception {
    Files.createDirectories(directory);
    from("file:"
            + directory.toAbsolutePath()
            + "?recursive=true&antInclude=*/*.csv&readLock=changed&readLockMinAge=500"
            + "&readLockCheckInterval=250&delay=1000&move=${file:parent}/${header."
            + OUTCOME
            + "}/${file:onlyname}")
        .routeId("store-order-files")
        .process(this::process);
  }

  private void process(Exchange exchange) throws Exception {
    Path file = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class));
    String store = file.getParent().getFileName().toString();
    OrderFiles.Report report;
    try (InputStream in = exchange.getIn().getBody(InputStream.class)) {
      report =
          files.process(
              store,
              file.getFileName().toString(),
              new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    String outcome = report.clean() ? "done" : "error";
    Path reportFile = file.getParent().resolve(outcome).resolve(file.getFileName() + ".report.csv");
    Files.createDirectories(reportFile.getParent());
    Files.writeString(reportFile, report.csv());
    exchange.getIn().setHeader(OUTCOME, outcome);
    log.info(
        "order file {} of store {}: {} line(s), {} -> {}/",
        file.getFileName(),
        store,
        report.lines().size(),
        report.problem().orElse("read"),
        outcome);
  }
}
