package io.simbundle.provisioning.channels.rest.catalog;

import static io.simbundle.catalog.tmf620.ProductOfferingRepresentation.BASE_PATH;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.simbundle.catalog.CatalogService;
import io.simbundle.catalog.product.LifecycleStatus;
import io.simbundle.catalog.product.ProductOffering;
import io.simbundle.catalog.tmf620.ProductOfferingRepresentation;
import io.simbundle.catalog.version.CatalogVersion;
import io.simbundle.provisioning.channels.http.HttpResponses;
import io.simbundle.provisioning.channels.http.Problem;
import io.simbundle.provisioning.channels.http.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * TMF620 Product Catalog Management v5, read-only: {@code GET productOffering} (filters {@code
 * partner}, {@code lifecycleStatus}; paging {@code offset}, {@code limit}) and {@code GET
 * productOffering/{id}}, answered from the catalog version in force.
 */
public final class ProductCatalogRoutes extends RouteBuilder {

  private static final int MAX_LIMIT = 1000;

  private final CatalogService catalog;

  public ProductCatalogRoutes(CatalogService catalog) {
    this.catalog = catalog;
  }

  @Override
  public void configure() {
    rest(BASE_PATH)
        .get("/productOffering")
        .id("tmf620-list-product-offerings")
        .produces("application/json")
        .to("direct:tmf620-list-product-offerings")
        .get("/productOffering/{id}")
        .id("tmf620-get-product-offering")
        .produces("application/json")
        .to("direct:tmf620-get-product-offering");

    from("direct:tmf620-list-product-offerings").process(this::list);
    from("direct:tmf620-get-product-offering").process(this::get);
  }

  private void list(Exchange exchange) {
    CatalogVersion version = catalog.current();
    Predicate<ProductOffering> filter = filter(exchange);
    int offset = nonNegative(exchange, "offset", 0);
    int limit = Math.min(nonNegative(exchange, "limit", MAX_LIMIT), MAX_LIMIT);
    List<ProductOffering> matching = version.products().stream().filter(filter).toList();
    List<ObjectNode> page =
        matching.stream()
            .skip(offset)
            .limit(limit)
            .map(product -> ProductOfferingRepresentation.of(version, product))
            .toList();
    // TMF630 paging headers: how many match in all, and how many are in this page.
    HttpResponses.json(
        exchange,
        200,
        page,
        Map.of("X-Total-Count", matching.size(), "X-Result-Count", page.size()));
  }

  private void get(Exchange exchange) {
    String id = exchange.getIn().getHeader("id", String.class);
    CatalogVersion version = catalog.current();
    ProductOffering product =
        version
            .product(id)
            .orElseThrow(
                () ->
                    new ProblemException(
                        Problem.notFound(
                            "no productOffering '"
                                + id
                                + "' in catalog version "
                                + version.version())));
    HttpResponses.json(exchange, 200, ProductOfferingRepresentation.of(version, product));
  }

  private static Predicate<ProductOffering> filter(Exchange exchange) {
    Predicate<ProductOffering> filter = product -> true;
    Optional<String> partner = query(exchange, "partner");
    if (partner.isPresent()) {
      filter = filter.and(product -> product.partnerCode().equals(partner.get()));
    }
    Optional<String> status = query(exchange, "lifecycleStatus");
    if (status.isPresent()) {
      LifecycleStatus wanted =
          LifecycleStatus.fromTmfName(status.get())
              .orElseThrow(
                  () ->
                      new ProblemException(
                          Problem.badRequest(
                                  "lifecycleStatus '"
                                      + status.get()
                                      + "' is not one of: "
                                      + LifecycleStatus.allowedNames())
                              .with("invalidParams", List.of(invalidParam("lifecycleStatus")))));
      filter = filter.and(product -> product.lifecycleStatus() == wanted);
    }
    return filter;
  }

  private static int nonNegative(Exchange exchange, String name, int fallback) {
    Optional<String> value = query(exchange, name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.get());
      if (number >= 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ProblemException(
        Problem.badRequest(name + " must be a whole number of 0 or more, was '" + value.get() + "'")
            .with("invalidParams", List.of(invalidParam(name))));
  }

  private static Map<String, String> invalidParam(String name) {
    return Map.of("name", name, "in", "query");
  }

  private static Optional<String> query(Exchange exchange, String name) {
    return Optional.ofNullable(exchange.getIn().getHeader(name, String.class))
        .map(String::trim)
        .filter(v -> !v.isEmpty());
  }
}
