package io.simbundle.provisioning.sales.order;

import io.simbundle.catalog.CatalogService;
import io.simbundle.catalog.campaign.CampaignTerms;
import io.simbundle.catalog.campaign.FinalPayment;
import io.simbundle.catalog.campaign.PresaleCampaign;
import io.simbundle.catalog.campaign.WhenPartnerSilent;
import io.simbundle.catalog.product.ProductOffering;
import io.simbundle.catalog.version.CatalogVersion;
import io.simbundle.platform.database.DatabaseFailures;
import io.simbundle.platform.database.PersistenceUnit;
import io.simbundle.provisioning.ProvisioningException;
import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.sales.buyer.BuyerRecords;
import io.simbundle.provisioning.sales.buyer.BuyerType;
import io.simbundle.provisioning.sales.buyer.BuyerTypes;
import io.simbundle.provisioning.sales.campaign.CampaignStock;
import io.simbundle.rules.QualificationRequest;
import io.simbundle.rules.RulesService;
import io.simbundle.rules.decision.Decision;
import jakarta.persistence.PersistenceException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Placing an order: refused at once when its campaign is sold out (nothing stored), otherwise
 * qualified by the rules — stored as rejected with their reasons, or handed to the batch writers
 * with what is due. A store's repeat of an order gets the order its first delivery created.
 */
final class PlacingOrders {

  private static final Logger log = LoggerFactory.getLogger(PlacingOrders.class);

  private final OrderRoom room;
  private final PersistenceUnit unit;
  private final CatalogService catalog;
  private final RulesService rules;
  private final BuyerRecords records;
  private final BuyerTypes types;
  private final CampaignStock stock;
  private final StoreOrderKeys keys;
  private final ProductOrders orders;
  private final OrderDrafts drafts;
  private final OrderChanges changes;
  private final OrderViews views;
  private final AcceptingOrders accepting;
  private final Clock clock;

  PlacingOrders(
      OrderRoom room,
      CatalogService catalog,
      RulesService rules,
      BuyerRecords records,
      BuyerTypes types,
      CampaignStock stock,
      StoreOrderKeys keys,
      OrderDrafts drafts,
      AcceptingOrders accepting) {
    this.types = types;
    this.room = room;
    this.unit = room.unit();
    this.catalog = catalog;
    this.rules = rules;
    this.records = records;
    this.stock = stock;
    this.keys = keys;
    this.orders = room.orders();
    this.drafts = drafts;
    this.changes = room.changes();
    this.views = room.views();
    this.accepting = accepting;
    this.clock = room.clock();
  }

  OrderOutcome place(OrderRequest request, Actor actor) {
    CatalogVersion version = catalog.current();
    Optional<PresaleCampaign> campaign = request.campaignCode().flatMap(version::campaign);
    if (campaign.isPresent() && stock.level(campaign.get().code()).soldOut()) {
      return soldOut(request, campaign.get());
    }
    Instant now = clock.instant();
    BuyerRecords.Standing standing =
        records.standing(request.buyer().idNumber(), request.campaignCode());
    BuyerType type = buyerType(request, version, campaign, standing);
    Decision decision = qualify(request, version, standing, type, now);
    for (Decision holder : holders(request, now)) {
      decision = decision.and(holder);
    }
    try {
      if (!decision.approved()) {
        return reject(request, version, type, decision, actor, now);
      }
      OrderTerms terms = terms(request, version, campaign, now);
      campaign.ifPresent(stock::prepare);
      return accepting.accept(
          new AcceptingOrders.Acceptance(
              request, version, terms, type, drafts.buyerDigest(request), actor));
    } catch (PersistenceException e) {
      // Two deliveries of one store order raced: the unique key let one in, the other reads it.
      if (request.externalId().isPresent()
          && DatabaseFailures.causedBy(e, SQLIntegrityConstraintViolationException.class)) {
        return unit.call(em -> earlier(request)).orElseThrow(() -> e);
      }
      throw e;
    }
  }

  private OrderOutcome reject(
      OrderRequest request,
      CatalogVersion version,
      BuyerType type,
      Decision decision,
      Actor actor,
      Instant now) {
    OrderOutcome rejected =
        unit.call(
            em ->
                earlier(request)
                    .orElseGet(
                        () -> {
                          List<ProductOrderView> cards = new ArrayList<>();
                          for (ProductOrder order :
                              drafts.draft(request, version, OrderTerms.NOTHING_DUE, type, now)) {
                            OrderChange change =
                                order.reject(
                                    decision.reasons(),
                                    "refused by rule set " + decision.ruleSetVersion(),
                                    now);
                            orders.add(order);
                            changes.publish(order, change, actor);
                            cards.add(views.of(order));
                          }
                          return new OrderOutcome(cards, true);
                        }));
    if (rejected.created()) {
      log.info("order {} rejected: {}", rejected.order().id(), decision.reasonCodes());
    }
    return rejected;
  }

  /**
   * The answer once a campaign is sold out, given without qualifying or storing anything: after a
   * flash sale's stock is gone most of its orders are still to come. A store's repeat of an order
   * that got a card still gets that order.
   */
  private OrderOutcome soldOut(OrderRequest request, PresaleCampaign campaign) {
    Optional<OrderOutcome> first =
        request
            .externalId()
            .flatMap(externalId -> keys.orderCode(request.channel(), externalId))
            .flatMap(code -> unit.call(em -> orders.byCode(code).map(room::placedBefore)));
    return first.orElseThrow(
        () ->
            new ProvisioningException(
                ProvisioningException.Kind.REFUSED,
                "sold-out",
                "campaign " + campaign.code() + " is sold out; no order was created",
                Map.of("reasons", List.of(CampaignStock.soldOut(campaign.code())))));
  }

  /** The order a store's earlier delivery of this request created, in the caller's transaction. */
  private Optional<OrderOutcome> earlier(OrderRequest request) {
    return request
        .externalId()
        .flatMap(id -> orders.byStoreKey(new ProductOrders.StoreKey(request.channel(), id)))
        .map(room::placedBefore);
  }

  /**
   * The buyer's B2B2C type from facts: the engine's records and the partner's platform; outside a
   * campaign a silent partner's buyer is taken as an existing user.
   */
  private BuyerType buyerType(
      OrderRequest request,
      CatalogVersion version,
      Optional<PresaleCampaign> campaign,
      BuyerRecords.Standing standing) {
    // An unknown product is the rules' to refuse; there is no partner to ask about it.
    String partner =
        version.product(request.productCode()).map(ProductOffering::partnerCode).orElse("");
    return types.decide(
        standing,
        partner,
        request.buyer().idNumber(),
        request.buyer().newToOperator(),
        request.buyer().newToPartner(),
        campaign
            .map(c -> c.terms().whenPartnerSilent())
            .orElse(WhenPartnerSilent.TREAT_AS_EXISTING));
  }

  private Decision qualify(
      OrderRequest request,
      CatalogVersion version,
      BuyerRecords.Standing standing,
      BuyerType type,
      Instant now) {
    String idNumber = request.buyer().idNumber();
    return rules.qualify(
        version,
        new QualificationRequest(
            request.productCode(),
            request.campaignCode(),
            request.channel(),
            request.province(),
            request.buyer().name(),
            idNumber,
            type.newToOperator(),
            type.newToPartner(),
            standing.activeCards(),
            standing.campaignOrders(),
            request.campaignCode().map(records::campaignUnitsSold).orElse(0L),
            request.items().size(),
            request.cardsForBuyer(),
            now));
  }

  /**
   * The real-name check of each holder the order names besides the buyer, counting the cards the
   * order gives them; a refusal names the card it is about.
   */
  private List<Decision> holders(OrderRequest request, Instant now) {
    Map<String, Integer> cardsEach = new HashMap<>();
    request.items().stream()
        .flatMap(item -> item.holder().stream())
        .forEach(h -> cardsEach.merge(h.key(), 1, Integer::sum));
    List<Decision> checks = new ArrayList<>();
    Set<String> checked = new HashSet<>();
    for (int i = 0; i < request.items().size(); i++) {
      Optional<OrderRequest.Holder> named = request.items().get(i).holder();
      if (named.isEmpty() || !checked.add(named.get().key())) {
        continue;
      }
      OrderRequest.Holder holder = named.get();
      int card = i + 1;
      Decision check =
          rules.checkRealName(
              holder.name(),
              holder.idNumber(),
              records.activeCards(holder.idNumber()),
              cardsEach.get(holder.key()),
              now);
      checks.add(check.about("Card " + card + "'s holder", "第" + card + "张卡的使用人"));
    }
    return checks;
  }

  /**
   * What the buyer owes: the campaign's price (the plan's monthly fee outside campaigns), by
   * deposit and final payment where the campaign takes a deposit, or nothing now on credit.
   */
  private static OrderTerms terms(
      OrderRequest request,
      CatalogVersion version,
      Optional<PresaleCampaign> campaign,
      Instant now) {
    ProductOffering product = version.product(request.productCode()).orElseThrow();
    CampaignTerms campaignTerms =
        campaign
            .map(PresaleCampaign::terms)
            .orElseGet(() -> CampaignTerms.paidAtOnce(product.plan().monthlyFeeFen()));
    int returnDays = campaignTerms.returnWindowDays();
    return switch (request.payment().type()) {
      case FULL -> {
        // A presale's price is paid whole only once its final payment is taken (Double-11: on the
        // day); before that the deposit holds the card.
        if (campaignTerms.finalPayment().map(rest -> rest.opens(now).isAfter(now)).orElse(false)) {
          throw new ProvisioningException(
              ProvisioningException.Kind.INVALID,
              "invalid-payment",
              "campaign "
                  + campaign.orElseThrow().code()
                  + " takes a deposit of "
                  + campaignTerms.depositFen()
                  + " fen until its final payment opens; pay by deposit");
        }
        yield OrderTerms.paidAtOnce(campaignTerms.priceFen(), returnDays);
      }
      case CREDIT -> {
        if (request.payment().creditPayer().isEmpty()
            || request.payment().creditAuthorization().isEmpty()) {
          throw new ProvisioningException(
              ProvisioningException.Kind.INVALID,
              "invalid-payment",
              "credit payment needs the payer and its authorization reference");
        }
        yield OrderTerms.onCredit(returnDays, campaignTerms.instalmentMonths());
      }
      case DEPOSIT -> {
        FinalPayment rest =
            campaignTerms
                .finalPayment()
                .orElseThrow(
                    () ->
                        new ProvisioningException(
                            ProvisioningException.Kind.INVALID,
                            "invalid-payment",
                            "a deposit is only taken in a presale campaign that asks for one"));
        yield new OrderTerms(
            campaignTerms.priceFen(),
            campaignTerms.depositFen(),
            Optional.of(new OrderTerms.Window(rest.opens(now), rest.closes(now))),
            Optional.of(campaignTerms.unpaidDeposit()),
            returnDays,
            0);
      }
    };
  }
}
