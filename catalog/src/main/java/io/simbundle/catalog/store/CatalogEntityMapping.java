package io.simbundle.catalog.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.catalog.campaign.CampaignTerms;
import io.simbundle.catalog.campaign.FinalPayment;
import io.simbundle.catalog.campaign.PresaleCampaign;
import io.simbundle.catalog.campaign.UnpaidDeposit;
import io.simbundle.catalog.campaign.WhenPartnerSilent;
import io.simbundle.catalog.file.CatalogFile;
import io.simbundle.catalog.notice.NoticeTemplates;
import io.simbundle.catalog.partner.Partner;
import io.simbundle.catalog.privilege.Benefit;
import io.simbundle.catalog.privilege.PartnerPerk;
import io.simbundle.catalog.privilege.Privilege;
import io.simbundle.catalog.privilege.PrivilegeKind;
import io.simbundle.catalog.privilege.PrivilegeMenu;
import io.simbundle.catalog.privilege.Recurrence;
import io.simbundle.catalog.privilege.SponsoredCalls;
import io.simbundle.catalog.privilege.TrafficGift;
import io.simbundle.catalog.privilege.ZeroRating;
import io.simbundle.catalog.product.BasePlan;
import io.simbundle.catalog.product.LifecycleStatus;
import io.simbundle.catalog.product.ProductOffering;
import io.simbundle.catalog.product.Province;
import io.simbundle.catalog.product.RevenueShare;
import io.simbundle.catalog.version.CatalogVersion;
import io.simbundle.platform.json.Json;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Converts between the catalog's records and its rows, in both directions. */
final class CatalogEntityMapping {

  private CatalogEntityMapping() {}

  static CatalogVersionEntity toEntity(CatalogFile file, Instant storedAt) {
    CatalogVersion version = file.version();
    CatalogVersionEntity entity = new CatalogVersionEntity();
    entity.version = version.version();
    entity.effectiveFrom = version.effectiveFrom();
    entity.movesExisting = version.movesExistingSubscribers();
    entity.source = file.source();
    entity.checksum = file.checksum();
    entity.storedAt = storedAt;
    entity.notices =
        version.notices().templates().isEmpty() ? null : Json.write(version.notices().asMap());
    for (Partner partner : version.partners()) {
      PartnerEntity row = new PartnerEntity();
      row.catalogVersion = entity;
      row.position = entity.partners.size();
      row.code = partner.code();
      row.name = partner.name();
      entity.partners.add(row);
    }
    for (ProductOffering product : version.products()) {
      ProductOfferingEntity row = toEntity(product);
      row.catalogVersion = entity;
      row.position = entity.products.size();
      entity.products.add(row);
    }
    for (PresaleCampaign campaign : version.campaigns()) {
      PresaleCampaignEntity row = toEntity(campaign);
      row.catalogVersion = entity;
      row.position = entity.campaigns.size();
      entity.campaigns.add(row);
    }
    return entity;
  }

  private static ProductOfferingEntity toEntity(ProductOffering product) {
    ProductOfferingEntity row = new ProductOfferingEntity();
    row.code = product.code();
    row.name = product.name();
    row.description = product.description();
    row.partnerCode = product.partnerCode();
    row.lifecycleStatus = product.lifecycleStatus().name();
    row.provinces = provinceCodes(product.provinces());
    row.monthlyFeeFen = product.plan().monthlyFeeFen();
    row.dataMb = product.plan().dataMb();
    row.voiceMinutes = product.plan().voiceMinutes();
    row.voiceUnitSeconds = product.plan().voiceUnitSeconds();
    row.sms = product.plan().sms();
    row.menuName = product.menu().name();
    row.menuLowerLimit = product.menu().lowerLimit();
    row.menuUpperLimit = product.menu().upperLimit();
    row.partnerSharePercent = product.revenueShare().partnerSharePercent();
    row.sponsoredFenPerGb = product.revenueShare().sponsoredFenPerGb();
    row.sponsoredFenPerMinute = product.revenueShare().sponsoredFenPerMinute();
    row.integratorCode = product.revenueShare().integrator().orElse(null);
    row.integratorSharePercent = product.revenueShare().integratorSharePercent();
    row.voiceOverageFenPerMinute = product.plan().voiceOverageFenPerMinute().orElse(null);
    row.smsOverageFen = product.plan().smsOverageFen().orElse(null);
    for (Privilege privilege : product.menu().options()) {
      row.privileges.add(toEntity(privilege, row, true));
    }
    for (Privilege privilege : product.includedPrivileges()) {
      row.privileges.add(toEntity(privilege, row, false));
    }
    return row;
  }

  private static PrivilegeEntity toEntity(
      Privilege privilege, ProductOfferingEntity product, boolean inMenu) {
    PrivilegeEntity row = new PrivilegeEntity();
    row.product = product;
    row.position = product.privileges.size();
    row.inMenu = inMenu;
    row.code = privilege.code();
    row.name = privilege.name();
    row.description = privilege.description();
    row.kind = privilege.kind().name();
    row.excludes = sorted(privilege.excludes());
    row.requires = sorted(privilege.requires());
    row.b2b2cTypes = privilege.b2b2cTypes().stream().map(Integer::longValue).sorted().toList();
    Benefit benefit = privilege.benefit();
    if (benefit instanceof ZeroRating zero) {
      row.ratingGroups = sorted(zero.ratingGroups());
      row.serviceIdentifiers = sorted(zero.serviceIdentifiers());
      row.excludedRatingGroups = sorted(zero.excludedRatingGroups());
      row.monthlyCapMb = zero.monthlyCapMb().orElse(null);
    } else if (benefit instanceof TrafficGift gift) {
      row.megabytes = gift.megabytes();
      row.recurrence = gift.recurrence().name();
      row.validityDays = gift.validityDays();
      row.ratingGroups = sorted(gift.ratingGroups());
    } else if (benefit instanceof PartnerPerk perk) {
      row.perkCode = perk.perkCode();
    } else if (benefit instanceof SponsoredCalls calls) {
      row.minutesPerCycle = calls.minutesPerCycle();
      row.calledPrefixes = sorted(calls.calledPrefixes());
    }
    return row;
  }

  private static PresaleCampaignEntity toEntity(PresaleCampaign campaign) {
    PresaleCampaignEntity row = new PresaleCampaignEntity();
    row.code = campaign.code();
    row.name = campaign.name();
    row.productCode = campaign.productCode();
    row.channels = sorted(campaign.channels());
    row.provinces = provinceCodes(campaign.provinces());
    row.stock = campaign.stock();
    row.saleStart = campaign.saleStart();
    row.saleEnd = campaign.saleEnd();
    row.perBuyerLimit = campaign.perBuyerLimit();
    CampaignTerms terms = campaign.terms();
    row.depositFen = terms.depositFen();
    row.priceFen = terms.priceFen();
    terms
        .finalPayment()
        .ifPresent(
            window -> {
              if (window instanceof FinalPayment.OnFixedDates fixed) {
                row.finalPaymentOpens = fixed.opens();
                row.finalPaymentCloses = fixed.closes();
              } else if (window instanceof FinalPayment.WithinDays within) {
                row.finalPaymentDays = within.days();
              }
            });
    row.unpaidDeposit = terms.unpaidDeposit().name();
    row.returnWindowDays = terms.returnWindowDays();
    row.whenPartnerSilent = terms.whenPartnerSilent().name();
    row.instalmentMonths = terms.instalmentMonths();
    row.maxItemsPerOrder = terms.maxItemsPerOrder();
    return row;
  }

  static CatalogFile toDomain(CatalogVersionEntity entity) {
    CatalogVersion version =
        new CatalogVersion(
            entity.version,
            entity.effectiveFrom,
            entity.movesExisting,
            entity.partners.stream().map(p -> new Partner(p.code, p.name)).toList(),
            entity.products.stream().map(CatalogEntityMapping::toDomain).toList(),
            entity.campaigns.stream().map(CatalogEntityMapping::toDomain).toList(),
            notices(entity.notices));
    return new CatalogFile(entity.source, entity.checksum, version);
  }

  private static NoticeTemplates notices(String json) {
    if (json == null) {
      return NoticeTemplates.none();
    }
    Map<String, NoticeTemplates.Template> templates = new LinkedHashMap<>();
    Json.readStored(json, JsonNode.class)
        .properties()
        .forEach(
            kind ->
                templates.put(
                    kind.getKey(),
                    new NoticeTemplates.Template(
                        kind.getValue().path("zh").asText(), kind.getValue().path("en").asText())));
    return new NoticeTemplates(templates);
  }

  private static ProductOffering toDomain(ProductOfferingEntity row) {
    List<Privilege> options =
        row.privileges.stream().filter(p -> p.inMenu).map(CatalogEntityMapping::toDomain).toList();
    List<Privilege> included =
        row.privileges.stream().filter(p -> !p.inMenu).map(CatalogEntityMapping::toDomain).toList();
    return new ProductOffering(
        row.code,
        row.name,
        row.description,
        row.partnerCode,
        LifecycleStatus.valueOf(row.lifecycleStatus),
        provinces(row.provinces),
        new BasePlan(
            row.monthlyFeeFen,
            row.dataMb,
            row.voiceMinutes,
            row.sms,
            row.voiceUnitSeconds,
            Optional.ofNullable(row.voiceOverageFenPerMinute),
            Optional.ofNullable(row.smsOverageFen)),
        new PrivilegeMenu(row.menuName, row.menuLowerLimit, row.menuUpperLimit, options),
        included,
        new RevenueShare(
            row.partnerSharePercent,
            row.sponsoredFenPerGb,
            row.sponsoredFenPerMinute,
            Optional.ofNullable(row.integratorCode),
            row.integratorSharePercent));
  }

  private static Privilege toDomain(PrivilegeEntity row) {
    Benefit benefit =
        switch (PrivilegeKind.valueOf(row.kind)) {
          case ZERO_RATING ->
              new ZeroRating(
                  Set.copyOf(row.ratingGroups),
                  Set.copyOf(row.serviceIdentifiers),
                  Optional.ofNullable(row.monthlyCapMb),
                  Set.copyOf(row.excludedRatingGroups));
          case TRAFFIC_GIFT ->
              new TrafficGift(
                  row.megabytes,
                  Recurrence.valueOf(row.recurrence),
                  row.validityDays,
                  Set.copyOf(row.ratingGroups));
          case PARTNER_PERK -> new PartnerPerk(row.perkCode);
          case SPONSORED_CALLS ->
              new SponsoredCalls(row.minutesPerCycle, Set.copyOf(row.calledPrefixes));
        };
    return new Privilege(
        row.code,
        row.name,
        row.description,
        benefit,
        Set.copyOf(row.excludes),
        Set.copyOf(row.requires),
        row.b2b2cTypes.stream().map(Long::intValue).collect(Collectors.toSet()));
  }

  private static PresaleCampaign toDomain(PresaleCampaignEntity row) {
    return new PresaleCampaign(
        row.code,
        row.name,
        row.productCode,
        Set.copyOf(row.channels),
        provinces(row.provinces),
        row.stock,
        row.saleStart,
        row.saleEnd,
        row.perBuyerLimit,
        new CampaignTerms(
            row.priceFen,
            row.depositFen,
            finalPayment(row),
            UnpaidDeposit.valueOf(row.unpaidDeposit),
            row.returnWindowDays,
            WhenPartnerSilent.valueOf(row.whenPartnerSilent),
            row.instalmentMonths,
            row.maxItemsPerOrder));
  }

  private static Optional<FinalPayment> finalPayment(PresaleCampaignEntity row) {
    if (row.finalPaymentDays != null) {
      return Optional.of(new FinalPayment.WithinDays(row.finalPaymentDays));
    }
    if (row.finalPaymentOpens != null) {
      return Optional.of(
          new FinalPayment.OnFixedDates(row.finalPaymentOpens, row.finalPaymentCloses));
    }
    return Optional.empty();
  }

  private static List<String> provinceCodes(Set<Province> provinces) {
    return provinces.stream().map(Province::name).sorted().toList();
  }

  private static Set<Province> provinces(List<String> codes) {
    return codes.stream().map(Province::valueOf).collect(Collectors.toSet());
  }

  private static <T extends Comparable<T>> List<T> sorted(Collection<T> values) {
    return values.stream().sorted().toList();
  }
}
