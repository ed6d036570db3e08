package io.simbundle.catalog.tmf620;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.simbundle.catalog.partner.Partner;
import io.simbundle.catalog.privilege.Benefit;
import io.simbundle.catalog.privilege.PartnerPerk;
import io.simbundle.catalog.privilege.Privilege;
import io.simbundle.catalog.privilege.SponsoredCalls;
import io.simbundle.catalog.privilege.TrafficGift;
import io.simbundle.catalog.privilege.ZeroRating;
import io.simbundle.catalog.product.ProductOffering;
import io.simbundle.catalog.product.Province;
import io.simbundle.catalog.version.CatalogVersion;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/**
 * A card as a TM Forum TMF620 v5 {@code ProductOffering}. The privilege menu becomes a {@code
 * bundledGroupProductOffering} whose option carries the choice limits; privileges every subscriber
 * gets form a second group whose lower and upper limits are both its size.
 */
public final class ProductOfferingRepresentation {

  public static final String BASE_PATH = "/tmf-api/productCatalogManagement/v5";

  private static final JsonNodeFactory json = JsonNodeFactory.instance;

  private ProductOfferingRepresentation() {}

  public static ObjectNode of(CatalogVersion version, ProductOffering product) {
    ObjectNode offering = json.objectNode();
    offering.put("id", product.code());
    offering.put("href", BASE_PATH + "/productOffering/" + product.code());
    offering.put("@type", "ProductOffering");
    offering.put("name", product.name());
    offering.put("description", product.description());
    offering.put("version", version.version());
    offering.put("lifecycleStatus", product.lifecycleStatus().tmfName());
    offering.put("isBundle", true);
    offering.put("isSellable", true);
    offering.putObject("validFor").put("startDateTime", version.effectiveFrom().toString());
    offering.set("place", places(product));
    version
        .partner(product.partnerCode())
        .ifPresent(partner -> offering.set("relatedParty", relatedParty(partner)));
    offering.set("productOfferingPrice", prices(product));
    offering.set("prodSpecCharValueUse", planCharacteristics(product));

    ArrayNode groups = offering.putArray("bundledGroupProductOffering");
    groups.add(
        group(
            product,
            product.menu().name(),
            product.menu().lowerLimit(),
            product.menu().upperLimit(),
            product.menu().options()));
    if (!product.includedPrivileges().isEmpty()) {
      int size = product.includedPrivileges().size();
      groups.add(group(product, "Included", size, size, product.includedPrivileges()));
    }
    return offering;
  }

  private static ArrayNode places(ProductOffering product) {
    ArrayNode places = json.arrayNode();
    List<Province> provinces =
        product.nationwide() ? List.of() : product.provinces().stream().sorted().toList();
    if (provinces.isEmpty()) {
      places
          .addObject()
          .put("id", "CN")
          .put("name", "China (nationwide)")
          .put("@referredType", "GeographicArea");
    }
    for (Province province : provinces) {
      places
          .addObject()
          .put("id", province.name())
          .put("name", province.englishName())
          .put("@referredType", "GeographicArea");
    }
    return places;
  }

  private static ArrayNode relatedParty(Partner partner) {
    ArrayNode parties = json.arrayNode();
    ObjectNode party = parties.addObject();
    party.put("@type", "RelatedPartyRefOrPartyRoleRef");
    party.put("role", "partner");
    party
        .putObject("partyOrPartyRole")
        .put("id", partner.code())
        .put("name", partner.name())
        .put("@referredType", "Organization");
    return parties;
  }

  private static ArrayNode prices(ProductOffering product) {
    ArrayNode prices = json.arrayNode();
    ObjectNode fee = prices.addObject();
    fee.put("@type", "ProductOfferingPrice");
    fee.put("name", "Monthly fee");
    fee.put("priceType", "recurring");
    fee.put("recurringChargePeriodType", "month");
    fee.putObject("price")
        .put("unit", "CNY")
        .put("value", BigDecimal.valueOf(product.plan().monthlyFeeFen(), 2));
    if (product.revenueShare().partnerSharePercent() > 0) {
      fee.put("partnerSharePercent", product.revenueShare().partnerSharePercent());
    }
    product
        .plan()
        .voiceOverageFenPerMinute()
        .ifPresent(fen -> usagePrice(prices, "Calls beyond the plan", "minute", fen));
    product
        .plan()
        .smsOverageFen()
        .ifPresent(fen -> usagePrice(prices, "SMS beyond the plan", "SMS", fen));
    return prices;
  }

  private static void usagePrice(ArrayNode prices, String name, String unit, long fen) {
    ObjectNode price = prices.addObject();
    price.put("@type", "ProductOfferingPrice");
    price.put("name", name);
    price.put("priceType", "usage");
    price.putObject("unitOfMeasure").put("amount", 1).put("units", unit);
    price.putObject("price").put("unit", "CNY").put("value", BigDecimal.valueOf(fen, 2));
  }

  private static ArrayNode planCharacteristics(ProductOffering product) {
    ArrayNode characteristics = json.arrayNode();
    characteristic(characteristics, "dataAllowanceMB", product.plan().dataMb());
    characteristic(characteristics, "voiceMinutes", product.plan().voiceMinutes());
    characteristic(characteristics, "voiceUnitSeconds", product.plan().voiceUnitSeconds());
    characteristic(characteristics, "sms", product.plan().sms());
    return characteristics;
  }

  private static void characteristic(ArrayNode into, String name, long value) {
    ObjectNode use = into.addObject();
    use.put("name", name);
    use.put("valueType", "integer");
    use.putArray("productSpecCharacteristicValue").addObject().put("value", value);
  }

  private static ObjectNode group(
      ProductOffering product, String name, int lower, int upper, List<Privilege> privileges) {
    ObjectNode group = json.objectNode();
    group.put("name", name);
    group
        .putObject("bundledGroupProductOfferingOption")
        .put("numberRelOfferLowerLimit", lower)
        .put("numberRelOfferUpperLimit", upper);
    ArrayNode offerings = group.putArray("bundledProductOffering");
    for (Privilege privilege : privileges) {
      offerings.add(privilege(product, privilege));
    }
    return group;
  }

  private static ObjectNode privilege(ProductOffering product, Privilege privilege) {
    ObjectNode node = json.objectNode();
    node.put("id", privilege.code());
    node.put("href", BASE_PATH + "/productOffering/" + product.code() + "#" + privilege.code());
    node.put("@type", "PrivilegeOffering");
    node.put("name", privilege.name());
    node.put("description", privilege.description());
    node.put("privilegeKind", privilege.kind().name());
    Benefit benefit = privilege.benefit();
    if (benefit instanceof ZeroRating zero) {
      node.set("ratingGroups", numbers(zero.ratingGroups()));
      node.set("serviceIdentifiers", numbers(zero.serviceIdentifiers()));
      node.set("excludedRatingGroups", numbers(zero.excludedRatingGroups()));
      zero.monthlyCapMb().ifPresent(cap -> node.put("monthlyCapMB", cap));
    } else if (benefit instanceof TrafficGift gift) {
      node.put("megabytes", gift.megabytes());
      node.put("recurrence", gift.recurrence().name());
      node.put("validityDays", gift.validityDays());
      node.set("ratingGroups", numbers(gift.ratingGroups()));
    } else if (benefit instanceof PartnerPerk perk) {
      node.put("perkCode", perk.perkCode());
    } else if (benefit instanceof SponsoredCalls calls) {
      node.put("minutesPerCycle", calls.minutesPerCycle());
      node.set("calledPrefixes", texts(calls.calledPrefixes()));
    }
    node.set("excludes", texts(privilege.excludes()));
    node.set("requires", texts(privilege.requires()));
    ArrayNode types = node.putArray("b2b2cTypes");
    privilege.b2b2cTypes().stream().sorted().forEach(types::add);
    return node;
  }

  private static ArrayNode numbers(Collection<Long> values) {
    ArrayNode array = json.arrayNode();
    values.stream().sorted().forEach(array::add);
    return array;
  }

  private static ArrayNode texts(Collection<String> values) {
    ArrayNode array = json.arrayNode();
    values.stream().sorted().forEach(array::add);
    return array;
  }
}
