package io.simbundle.provisioning.channels.store;

import io.simbundle.provisioning.channels.http.Dates;
import io.simbundle.provisioning.channels.http.HttpResponses;
import io.simbundle.provisioning.channels.http.Problem;
import io.simbundle.provisioning.channels.http.ProblemException;
import io.simbundle.provisioning.channels.rest.order.ProductOrderJson;
import io.simbundle.provisioning.channels.rest.order.ProductOrderRoutes;
import io.simbundle.provisioning.sales.order.OrderService;
import io.simbundle.provisioning.sales.report.Reconciliation;
import io.simbundle.provisioning.store.Store;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * A store reads its own orders and books, signed as it signs its pushes — for a GET, the signed
 * content is the request target (path and query, as sent) in place of a body:
 *
 * <ul>
 *   <li>{@code GET /api/v1/stores/{storeId}/productOrder?state=&offset=&limit=}: its orders, newest
 *       first ({@code X-Total-Count});
 *   <li>{@code GET /api/v1/stores/{storeId}/productOrder/{id}}: one of them; another store's order
 *       is 404, as if it did not exist;
 *   <li>{@code GET /api/v1/stores/{storeId}/reconciliation/{yyyy-MM-dd}}: its day as CSV, the file
 *       also written to its drop folder each night.
 * </ul>
 */
public final class StoreSelfServiceRoutes extends RouteBuilder {

  private final StoreSignatures signatures;
  private final OrderService orders;
  private final Reconciliation reconciliation;
  private final Clock clock;

  public StoreSelfServiceRoutes(
      StoreSignatures signatures, OrderService orders, Reconciliation reconciliation, Clock clock) {
    this.signatures = signatures;
    this.orders = orders;
    this.reconciliation = reconciliation;
    this.clock = clock;
  }

  @Override
  public void configure() {
    rest("/api/v1/stores")
        .get("/{storeId}/productOrder")
        .id("store-list-orders")
        .to("direct:store-list-orders")
        .get("/{storeId}/productOrder/{id}")
        .id("store-get-order")
        .to("direct:store-get-order")
        .get("/{storeId}/reconciliation/{date}")
        .id("store-reconciliation")
        .to("direct:store-reconciliation");
    from("direct:store-list-orders").process(this::list);
    from("direct:store-get-order").process(this::get);
    from("direct:store-reconciliation").process(this::reconciliation);
  }

  /** The store the signed request comes from. */
  private Store store(Exchange exchange) {
    return signatures.verify(
        exchange.getIn().getHeader("storeId", String.class),
        exchange.getIn().getHeader(StoreOrderRoutes.TIMESTAMP, String.class),
        exchange.getIn().getHeader(StoreOrderRoutes.SIGNATURE, String.class),
        requestTarget(exchange),
        clock.instant());
  }

  /** The path and query as the client sent them: what a GET signs. */
  static String requestTarget(Exchange exchange) {
    String path = exchange.getIn().getHeader(Exchange.HTTP_PATH, String.class);
    String uri = exchange.getIn().getHeader(Exchange.HTTP_URI, String.class);
    String target = uri != null ? uri : path;
    String query = exchange.getIn().getHeader(Exchange.HTTP_QUERY, String.class);
    if (target != null && target.contains("?")) {
      return target;
    }
    return query == null || query.isEmpty() ? target : target + "?" + query;
  }

  private void list(Exchange exchange) {
    ProductOrderRoutes.answerPage(exchange, orders, Optional.of(store(exchange).id()));
  }

  private void get(Exchange exchange) {
    Store store = store(exchange);
    String id = exchange.getIn().getHeader("id", String.class);
    HttpResponses.json(
        exchange,
        200,
        ProductOrderJson.json(
            orders
                .find(id)
                .filter(cards -> cards.get(0).channel().equals(store.id()))
                .orElseThrow(() -> new ProblemException(Problem.notFound("no order " + id)))));
  }

  private void reconciliation(Exchange exchange) {
    Store store = store(exchange);
    String date = exchange.getIn().getHeader("date", String.class);
    LocalDate day = Dates.day("date", date);
    exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
    exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/csv; charset=utf-8");
    exchange.getMessage().setBody(reconciliation.of(store.id(), day).csv());
  }
}
