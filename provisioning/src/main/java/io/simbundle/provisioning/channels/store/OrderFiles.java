package io.simbundle.provisioning.channels.store;

import io.simbundle.catalog.product.Province;
import io.simbundle.provisioning.ProvisioningException;
import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.csv.CsvLines;
import io.simbundle.provisioning.sales.inventory.PhoneNumbers;
import io.simbundle.provisioning.sales.order.OrderOutcome;
import io.simbundle.provisioning.sales.order.OrderRequest;
import io.simbundle.provisioning.sales.order.OrderService;
import io.simbundle.provisioning.sales.order.OrderState;
import io.simbundle.provisioning.sales.order.PaymentType;
import io.simbundle.provisioning.store.Store;
import io.simbundle.provisioning.store.StoreService;
import io.simbundle.rules.decision.Reason;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A store's order file: one order a line (columns {@code externalId, productOffering, campaign,
 * province, buyerName, buyerIdNumber, payment}, optionally {@code msisdn, newToOperator,
 * newToPartner, payer, authorizationId}). Good lines become orders exactly as if pushed over HTTP
 * (same rules, same idempotency by external id, so a file dropped twice creates nothing twice);
 * every other line is reported with its number and reason — never with the buyer's data.
 */
public final class OrderFiles {

  static final List<String> COLUMNS =
      List.of(
          "externalid",
          "productoffering",
          "campaign",
          "province",
          "buyername",
          "buyeridnumber",
          "payment");
  private static final int MAX_LINES = 100_000;

  /** What became of one line. */
  public record LineResult(
      long line, String externalId, String result, String productOrder, String reason) {}

  /** What became of a file; {@code problem} when it could not be read at all. */
  public record Report(
      String store, String file, List<LineResult> lines, Optional<String> problem) {
    public boolean clean() {
      return problem.isEmpty()
          && lines.stream()
              .allMatch(l -> l.result().equals("accepted") || l.result().equals("duplicate"));
    }

    /** The report as CSV: one line per order line. */
    public String csv() {
      StringBuilder csv = new StringBuilder("line,externalId,result,productOrder,reason\n");
      problem.ifPresent(p -> csv.append("0,,unreadable,,").append(quote(p)).append('\n'));
      for (LineResult line : lines) {
        csv.append(line.line())
            .append(',')
            .append(quote(line.externalId()))
            .append(',')
            .append(line.result())
            .append(',')
            .append(line.productOrder())
            .append(',')
            .append(quote(line.reason()))
            .append('\n');
      }
      return csv.toString();
    }

    private static String quote(String text) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
  }

  private final StoreService stores;
  private final OrderService orders;

  public OrderFiles(StoreService stores, OrderService orders) {
    this.stores = stores;
    this.orders = orders;
  }

  public Report process(String storeId, String fileName, Reader csv) {
    Optional<Store> store = stores.find(storeId);
    if (store.isEmpty()) {
      return new Report(storeId, fileName, List.of(), Optional.of("no store " + storeId));
    }
    List<LineResult> results = new ArrayList<>();
    try {
      CsvLines.read(
          csv,
          COLUMNS,
          MAX_LINES,
          new CsvLines.Handler() {
            @Override
            public void row(CsvLines.Row row) {
              results.add(order(store.get(), row));
            }

            @Override
            public void malformed(long line, String reason) {
              results.add(new LineResult(line, "", "invalid", "", reason));
            }
          });
    } catch (io.simbundle.provisioning.csv.InvalidCsvException e) {
      return new Report(storeId, fileName, results, Optional.of(e.getMessage()));
    }
    return new Report(storeId, fileName, results, Optional.empty());
  }

  private LineResult order(Store store, CsvLines.Row row) {
    String externalId = row.optional("externalid").orElse("");
    OrderRequest request;
    try {
      request = request(store, row);
    } catch (IllegalArgumentException e) {
      return new LineResult(row.line(), externalId, "invalid", "", e.getMessage());
    }
    Optional<StoreOrderPolicy.Refusal> refused = StoreOrderPolicy.refusal(store, request);
    if (refused.isPresent()) {
      return new LineResult(
          row.line(), externalId, "invalid", "", column(refused.get()) + refused.get().reason());
    }
    try {
      OrderOutcome outcome = orders.create(request, Actor.channel(store.id()));
      if (outcome.order().state() == OrderState.REJECTED) {
        return new LineResult(
            row.line(),
            externalId,
            "rejected",
            outcome.order().id(),
            outcome.order().refusals().stream().map(Reason::code).collect(Collectors.joining(" ")));
      }
      return new LineResult(
          row.line(),
          externalId,
          outcome.created() ? "accepted" : "duplicate",
          outcome.order().id(),
          "");
    } catch (ProvisioningException e) {
      return new LineResult(
          row.line(),
          externalId,
          "failed",
          String.valueOf(e.details().getOrDefault("productOrder", "")),
          e.getMessage());
    }
  }

  private static OrderRequest request(Store store, CsvLines.Row row) {
    String externalId = row.required("externalid");
    String campaign = row.required("campaign");
    String code = row.required("province");
    Province province =
        Province.fromCode(code)
            .orElseThrow(
                () ->
                    new IllegalArgumentException("province '" + code + "' is not a code like GD"));
    String payment = row.required("payment");
    PaymentType type =
        PaymentType.fromApiName(payment)
            .orElseThrow(
                () -> new IllegalArgumentException("payment must be deposit, full or credit"));
    Optional<String> msisdn =
        row.optional("msisdn")
            .map(
                number ->
                    PhoneNumbers.normalize(number)
                        .orElseThrow(
                            () ->
                                new IllegalArgumentException(
                                    "msisdn is not a mainland mobile number")));
    return new OrderRequest(
        store.id(),
        Optional.of(externalId),
        row.required("productoffering"),
        Optional.of(campaign),
        province,
        new OrderRequest.Buyer(
            row.required("buyername"),
            row.required("buyeridnumber"),
            flag(row, "newtooperator"),
            flag(row, "newtopartner")),
        List.of(OrderRequest.Item.forBuyer(msisdn)),
        new OrderRequest.Payment(type, row.optional("payer"), row.optional("authorizationid")));
  }

  private static boolean flag(CsvLines.Row row, String column) {
    String value = row.optional(column).orElse("false");
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(column + " must be true or false");
    }
    return Boolean.parseBoolean(value);
  }

  /** The file's column a refusal names, as the start of its reason. */
  private static String column(StoreOrderPolicy.Refusal refusal) {
    if (refusal.forbidden()) {
      return "";
    }
    return switch (refusal.field()) {
          case "/productOrderItem/0/productOffering/id" -> "productOffering";
          case "/buyer/name" -> "buyerName";
          case "/buyer/idNumber" -> "buyerIdNumber";
          case "/campaign/id" -> "campaign";
          case "/payment/payer" -> "payer";
          case "/payment/authorizationId" -> "authorizationId";
          default -> refusal.field().substring(1);
        }
        + " ";
  }
}
