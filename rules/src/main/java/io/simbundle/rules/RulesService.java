package io.simbundle.rules;

import io.simbundle.catalog.campaign.PresaleCampaign;
import io.simbundle.catalog.privilege.Privilege;
import io.simbundle.catalog.privilege.TrafficGift;
import io.simbundle.catalog.product.ProductOffering;
import io.simbundle.catalog.product.Province;
import io.simbundle.catalog.version.CatalogVersion;
import io.simbundle.rules.decision.Decision;
import io.simbundle.rules.decision.DecisionRunner;
import io.simbundle.rules.fact.Applicant;
import io.simbundle.rules.fact.BuyerType;
import io.simbundle.rules.fact.CampaignState;
import io.simbundle.rules.fact.ChosenPrivilege;
import io.simbundle.rules.fact.GiftPrivilege;
import io.simbundle.rules.fact.GiftQuestion;
import io.simbundle.rules.fact.MenuChoice;
import io.simbundle.rules.fact.Offer;
import io.simbundle.rules.fact.Policy;
import io.simbundle.rules.fact.PresaleOrder;
import io.simbundle.rules.fact.PrivilegeChange;
import io.simbundle.rules.realname.ResidentIdNumber;
import io.simbundle.rules.ruleset.RuleBook;
import io.simbundle.rules.ruleset.RuleSet;
import io.simbundle.rules.shadow.ShadowRuleSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The rules module's port: three decisions, each with its reasons, the rules that fired and the
 * rule-set version. The caller says which catalog version the question is about and supplies what
 * only it knows (how many cards an ID number holds, how many a campaign has sold); the rules module
 * keeps no state of its own beyond the rule set in force.
 */
public final class RulesService {

  /** Ages are counted in the operator's time zone. */
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final RuleBook rules;
  private final Policy policy;
  private final Clock clock;
  private final AtomicReference<ShadowRuleSet> shadow = new AtomicReference<>();

  public RulesService(RuleBook rules, Policy policy) {
    this(rules, policy, Clock.systemUTC());
  }

  public RulesService(RuleBook rules, Policy policy, Clock clock) {
    this.rules = rules;
    this.policy = policy;
    this.clock = clock;
  }

  public RuleBook ruleBook() {
    return rules;
  }

  /** TMF679 qualification: may this buyer buy this card, and if not, every reason why not. */
  public Decision qualify(CatalogVersion catalog, QualificationRequest request) {
    RuleSet ruleSet = rules.current();
    List<Object> facts = new ArrayList<>();
    facts.add(policy);
    facts.add(offer(catalog, request.productCode()));
    request
        .campaignCode()
        .ifPresent(
            code ->
                facts.add(
                    campaignState(
                        catalog.campaign(code), code, request.campaignUnitsSold(), request.at())));
    Optional<ResidentIdNumber.Defect> defect = ResidentIdNumber.defect(request.idNumber());
    int age =
        defect.isPresent()
            ? -1
            : ResidentIdNumber.parse(request.idNumber())
                .orElseThrow()
                .ageOn(request.at().atZone(CHINA).toLocalDate());
    BuyerType type = new BuyerType(request.newOperatorUser(), request.newPartnerUser());
    facts.add(
        new Applicant(
            request.name() != null && !request.name().isBlank(),
            defect.map(Enum::name).orElse(null),
            age,
            request.province().name(),
            request.channel(),
            type.getType(),
            request.activeCardsOnId(),
            request.campaignOrdersByBuyer(),
            request.cardsInOrder(),
            request.cardsForBuyer()));
    return decide("qualification", ruleSet, facts);
  }

  /**
   * The real-name check of a card's holder, at activation and for each holder an order names: a
   * name is given, the ID number is valid, the holder is old enough and will hold no more cards
   * than allowed.
   *
   * @param activeCardsOnId cards already active on this ID number
   * @param cardsToHold the cards this check is for (one at activation)
   */
  public Decision checkRealName(
      String name, String idNumber, int activeCardsOnId, int cardsToHold, Instant at) {
    Optional<ResidentIdNumber.Defect> defect = ResidentIdNumber.defect(idNumber);
    int age =
        defect.isPresent()
            ? -1
            : ResidentIdNumber.parse(idNumber).orElseThrow().ageOn(at.atZone(CHINA).toLocalDate());
    // Without offer and campaign facts only the rules about the person can fire.
    return decide(
        "real-name",
        rules.current(),
        List.of(
            policy,
            new Applicant(
                name != null && !name.isBlank(),
                defect.map(Enum::name).orElse(null),
                age,
                "",
                "",
                0,
                activeCardsOnId,
                0,
                cardsToHold,
                cardsToHold)));
  }

  /** Whether a choice of privileges is valid for the card and the buyer. */
  public Decision checkPrivileges(CatalogVersion catalog, PrivilegeSelectionRequest request) {
    return checkSelection("privilege-selection", catalog, request, List.of());
  }

  /**
   * Whether a subscriber may change to this choice of privileges: the choice must be valid, and
   * privileges change at most once per billing cycle.
   */
  public Decision checkPrivilegeChange(
      CatalogVersion catalog, PrivilegeSelectionRequest request, PrivilegeChange change) {
    return checkSelection("privilege-change", catalog, request, List.of(change));
  }

  private Decision checkSelection(
      String question,
      CatalogVersion catalog,
      PrivilegeSelectionRequest request,
      List<Object> more) {
    RuleSet ruleSet = rules.current();
    List<Object> facts = new ArrayList<>(more);
    Optional<ProductOffering> product = catalog.product(request.productCode());
    facts.add(offer(catalog, request.productCode()));
    facts.add(new BuyerType(request.newOperatorUser(), request.newPartnerUser()));
    product.ifPresent(
        p -> {
          facts.add(
              new MenuChoice(
                  p.menu().lowerLimit(), p.menu().upperLimit(), request.chosen().size()));
          for (int i = 0; i < request.chosen().size(); i++) {
            facts.add(chosen(p, request.chosen().get(i), i));
          }
        });
    return decide(question, ruleSet, facts);
  }

  /** The gifts a new subscription gets: the card's, the chosen ones, welcome and presale ones. */
  public Decision gifts(CatalogVersion catalog, GiftRequest request) {
    RuleSet ruleSet = rules.current();
    List<Object> facts = new ArrayList<>();
    facts.add(new GiftQuestion());
    facts.add(offer(catalog, request.productCode()));
    facts.add(new BuyerType(request.newOperatorUser(), request.newPartnerUser()));
    catalog
        .product(request.productCode())
        .ifPresent(
            p -> {
              p.includedPrivileges().forEach(g -> gift(g, true).ifPresent(facts::add));
              request.chosen().stream()
                  .map(code -> p.menu().option(code))
                  .flatMap(Optional::stream)
                  .forEach(g -> gift(g, false).ifPresent(facts::add));
            });
    request
        .campaignCode()
        .flatMap(catalog::campaign)
        .ifPresent(
            campaign ->
                facts.add(
                    new PresaleOrder(
                        campaign.code(),
                        request.orderSequence(),
                        Duration.between(campaign.saleStart(), request.orderedAt()).toMinutes())));
    return decide("gifts", ruleSet, facts);
  }

  /**
   * Decides on the set in force; a shadow candidate, when there is one, decides the same facts
   * after it, and only its report hears of the difference.
   */
  private Decision decide(String question, RuleSet inForce, List<Object> facts) {
    Decision live = DecisionRunner.run(inForce, facts);
    ShadowRuleSet candidate = shadow.get();
    if (candidate != null) {
      candidate.compare(
          question, live, () -> DecisionRunner.run(candidate.candidate(), facts), clock.instant());
    }
    return live;
  }

  /**
   * Runs {@code candidate} beside the rule set in force on every decision from now on, replacing
   * any earlier candidate and its report.
   */
  public ShadowRuleSet shadow(RuleSet candidate) {
    ShadowRuleSet started = new ShadowRuleSet(candidate, clock.instant());
    shadow.set(started);
    return started;
  }

  /** The candidate running in the shadow, if any. */
  public Optional<ShadowRuleSet> shadow() {
    return Optional.ofNullable(shadow.get());
  }

  /**
   * Puts the candidate in force, exactly as a reload puts new files in force, and ends the shadow.
   *
   * @return the report it was promoted on
   * @throws IllegalStateException when no candidate runs
   */
  public ShadowRuleSet.Report promote() {
    ShadowRuleSet candidate = shadow.getAndSet(null);
    if (candidate == null) {
      throw new IllegalStateException("no candidate rule set runs in the shadow");
    }
    ShadowRuleSet.Report report = candidate.report(rules.current().version());
    rules.putInForce(candidate.candidate());
    return report;
  }

  /** Ends the shadow without changing the rules in force; false when none ran. */
  public boolean discard() {
    return shadow.getAndSet(null) != null;
  }

  private static Offer offer(CatalogVersion catalog, String productCode) {
    return catalog
        .product(productCode)
        .map(
            p ->
                new Offer(
                    p.code(), true, p.lifecycleStatus().tmfName(), provinceCodes(p.provinces())))
        .orElseGet(() -> new Offer(productCode, false, "", Set.of()));
  }

  private static CampaignState campaignState(
      Optional<PresaleCampaign> campaign, String code, long unitsSold, Instant at) {
    if (campaign.isEmpty()) {
      return new CampaignState(code, false, "", false, 0, 0, 0, Set.of(), Set.of());
    }
    PresaleCampaign c = campaign.get();
    return new CampaignState(
        c.code(),
        true,
        c.productCode(),
        c.openAt(at),
        c.stock() - unitsSold,
        c.perBuyerLimit(),
        c.terms().maxItemsPerOrder(),
        provinceCodes(c.provinces()),
        c.channels());
  }

  private static ChosenPrivilege chosen(ProductOffering product, String code, int position) {
    Optional<Privilege> onMenu = product.menu().option(code);
    boolean included = product.includedPrivileges().stream().anyMatch(p -> p.code().equals(code));
    return onMenu
        .map(
            p ->
                new ChosenPrivilege(
                    code, position, true, false, p.excludes(), p.requires(), p.b2b2cTypes()))
        .orElseGet(
            () ->
                new ChosenPrivilege(code, position, false, included, Set.of(), Set.of(), Set.of()));
  }

  private static Optional<GiftPrivilege> gift(Privilege privilege, boolean included) {
    if (!(privilege.benefit() instanceof TrafficGift gift)) {
      return Optional.empty();
    }
    return Optional.of(
        new GiftPrivilege(
            privilege.code(),
            included,
            gift.megabytes(),
            gift.recurrence().name(),
            gift.validityDays(),
            gift.ratingGroups()));
  }

  private static Set<String> provinceCodes(Set<Province> provinces) {
    return provinces.stream().map(Province::name).collect(Collectors.toSet());
  }
}
