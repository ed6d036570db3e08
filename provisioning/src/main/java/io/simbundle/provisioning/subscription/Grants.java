package io.simbundle.provisioning.subscription;

import io.simbundle.catalog.CatalogService;
import io.simbundle.catalog.product.ProductOffering;
import io.simbundle.provisioning.ProvisioningException;
import io.simbundle.provisioning.sales.buyer.BuyerRecords;
import io.simbundle.provisioning.sales.order.ProductOrder;
import io.simbundle.rules.GiftRequest;
import io.simbundle.rules.RulesService;
import io.simbundle.rules.decision.Decision;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the catalog and the rules grant a subscription: its card as sold and its gifts. */
final class Grants {

  private final CatalogService catalog;
  private final RulesService rules;
  private final BuyerRecords records;

  Grants(CatalogService catalog, RulesService rules, BuyerRecords records) {
    this.catalog = catalog;
    this.rules = rules;
    this.records = records;
  }

  /** The card as the catalog in force defines it. */
  ProductOffering offering(String productCode) {
    return catalog
        .current()
        .product(productCode)
        .orElseThrow(
            () ->
                ProvisioningException.conflict(
                    "product-withdrawn",
                    "catalog " + catalog.current().version() + " no longer has " + productCode));
  }

  /**
   * The gifts the rules grant for a choice; a gift already held keeps its grant time, so a change
   * of privileges does not renew a one-off gift.
   */
  List<HeldGift> gifts(ProductOrder order, List<String> chosen, Instant now, List<HeldGift> held) {
    Decision decision =
        rules.gifts(
            catalog.current(),
            new GiftRequest(
                order.productCode(),
                chosen,
                order.newToOperator(),
                order.newToPartner(),
                Optional.ofNullable(order.campaignCode()),
                records.orderSequence(order.campaignCode(), order.id()),
                order.createdAt()));
    return decision.gifts().stream()
        .map(
            g ->
                new HeldGift(
                    g,
                    held.stream()
                        .filter(h -> h.code().equals(g.code()))
                        .map(HeldGift::grantedAt)
                        .findFirst()
                        .orElse(now)))
        .toList();
  }
}
