package io.simbundle.provisioning.channels.store;

import io.simbundle.provisioning.channels.http.Dates;
import io.simbundle.provisioning.channels.http.Problem;
import io.simbundle.provisioning.channels.http.ProblemException;
import io.simbundle.provisioning.channels.rest.admin.AdminAuthentication;
import io.simbundle.provisioning.channels.rest.admin.AdminCredentials;
import io.simbundle.provisioning.sales.report.Reconciliation;
import io.simbundle.provisioning.store.Store;
import io.simbundle.provisioning.store.StoreService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each store's reconciliation file for yesterday (Beijing) into its drop folder: {@code
 * <order files>/<store>/reconciliation/reconciliation-<yyyy-MM-dd>.csv}. A Camel timer looks every
 * {@code period} for the stores whose file is not there yet; a day's file once written is left
 * alone (the same day always gives the same figures, so a node that writes it again would write the
 * same). {@code POST /admin/stores/{id}/reconciliation/{yyyy-MM-dd}} (admin) writes one day of one
 * store again on demand and answers it.
 */
public final class ReconciliationFiles extends RouteBuilder {

  private static final Logger log = LoggerFactory.getLogger(ReconciliationFiles.class);
  static final String WRITE = "direct:store-reconciliation-file";

  private final Path directory;
  private final StoreService stores;
  private final Reconciliation reconciliation;
  private final long periodMillis;
  private final AdminAuthentication authentication;
  private final Clock clock;

  public ReconciliationFiles(
      Path directory,
      StoreService stores,
      Reconciliation reconciliation,
      long periodMillis,
      AdminCredentials admin,
      Clock clock) {
    this.authentication = new AdminAuthentication(admin);
    this.directory = directory;
    this.stores = stores;
    this.reconciliation = reconciliation;
    this.periodMillis = periodMillis;
    this.clock = clock;
  }

  /** Where a store's file for a day goes, relative to the order files directory. */
  public static String fileName(String store, LocalDate day) {
    return store + "/reconciliation/reconciliation-" + day + ".csv";
  }

  @Override
  public void configure() {
    from("timer:store-reconciliation?period=" + periodMillis + "&delay=" + periodMillis)
        .routeId("store-reconciliation-files")
        .process(e -> e.getIn().setBody(missingFiles(yesterday())))
        .split(body())
        .process(
            e -> {
              List<?> file = e.getIn().getBody(List.class);
              e.getIn().setHeader(Exchange.FILE_NAME, file.get(0));
              e.getIn().setBody(file.get(1));
            })
        .to("file:" + directory.toAbsolutePath() + "?fileExist=Ignore&charset=utf-8")
        .end();
    rest("/admin/stores")
        .post("/{id}/reconciliation/{date}")
        .id("admin-store-reconciliation")
        .to(WRITE);
    from(WRITE)
        .routeId("store-reconciliation-file")
        .process(authentication)
        .process(this::again)
        .to("file:" + directory.toAbsolutePath() + "?fileExist=Override&charset=utf-8")
        .process(
            e -> {
              log.info("reconciliation file {} written", e.getIn().getHeader(Exchange.FILE_NAME));
              e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 201);
              e.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/csv; charset=utf-8");
            });
  }

  /** A store's day written again: the store must exist, the date be a date. */
  private void again(Exchange exchange) {
    String store = exchange.getIn().getHeader("id", String.class);
    String date = exchange.getIn().getHeader("date", String.class);
    if (stores.find(store).isEmpty()) {
      throw new ProblemException(Problem.notFound("no store " + store));
    }
    LocalDate day = Dates.day("date", date);
    exchange.getIn().setHeader(Exchange.FILE_NAME, fileName(store, day));
    exchange.getIn().setBody(reconciliation.of(store, day).csv());
  }

  /** The stores' files for {@code day} not written yet: each a name and its content. */
  private List<List<String>> missingFiles(LocalDate day) {
    return stores.list().stream()
        .map(Store::id)
        .filter(store -> !Files.exists(directory.resolve(fileName(store, day))))
        .map(store -> List.of(fileName(store, day), reconciliation.of(store, day).csv()))
        .toList();
  }

  private LocalDate yesterday() {
    return LocalDate.ofInstant(clock.instant(), Reconciliation.BEIJING).minusDays(1);
  }
}
