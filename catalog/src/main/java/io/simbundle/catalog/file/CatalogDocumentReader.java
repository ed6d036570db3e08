package io.simbundle.catalog.file;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.catalog.campaign.PresaleCampaign;
import io.simbundle.catalog.partner.Partner;
import io.simbundle.catalog.privilege.Benefit;
import io.simbundle.catalog.privilege.PartnerPerk;
import io.simbundle.catalog.privilege.Privilege;
import io.simbundle.catalog.privilege.PrivilegeKind;
import io.simbundle.catalog.privilege.PrivilegeMenu;
import io.simbundle.catalog.privilege.Recurrence;
import io.simbundle.catalog.privilege.TrafficGift;
import io.simbundle.catalog.privilege.ZeroRating;
import io.simbundle.catalog.product.BasePlan;
import io.simbundle.catalog.product.LifecycleStatus;
import io.simbundle.catalog.product.ProductOffering;
import io.simbundle.catalog.product.Province;
import io.simbundle.catalog.product.RevenueShare;
import io.simbundle.catalog.version.CatalogVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns a parsed catalog document into a {@link CatalogVersion}, reporting every problem. */
final class CatalogDocumentReader {

  private static final Set<String> ROOT_FIELDS =
      Set.of(
          "version",
          "effectiveFrom",
          "movesExistingSubscribers",
          "partners",
          "products",
          "campaigns");
  private static final Set<String> PARTNER_FIELDS = Set.of("code", "name");
  private static final Set<String> PRODUCT_FIELDS =
      Set.of(
          "code",
          "name",
          "description",
          "partner",
          "lifecycleStatus",
          "provinces",
          "plan",
          "privilegeMenu",
          "includedPrivileges",
          "revenueShare");
  private static final Set<String> PLAN_FIELDS =
      Set.of("monthlyFeeFen", "dataMb", "voiceMinutes", "sms");
  private static final Set<String> MENU_FIELDS =
      Set.of("name", "lowerLimit", "upperLimit", "privileges");
  private static final Set<String> REVENUE_FIELDS =
      Set.of("partnerSharePercent", "sponsoredFenPerGb");
  private static final Set<String> PRIVILEGE_COMMON_FIELDS =
      Set.of("code", "name", "description", "kind", "excludes", "requires", "b2b2cTypes");
  private static final Map<PrivilegeKind, Set<String>> PRIVILEGE_KIND_FIELDS =
      Map.of(
          PrivilegeKind.ZERO_RATING,
          Set.of("ratingGroups", "serviceIdentifiers", "monthlyCapMb", "excludedRatingGroups"),
          PrivilegeKind.TRAFFIC_GIFT,
          Set.of("megabytes", "recurrence", "validityDays", "ratingGroups"),
          PrivilegeKind.PARTNER_PERK,
          Set.of("perkCode"));
  private static final Set<String> CAMPAIGN_FIELDS =
      Set.of(
          "code",
          "name",
          "product",
          "channels",
          "provinces",
          "stock",
          "saleStart",
          "saleEnd",
          "perBuyerLimit",
          "depositFen");
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern PERK_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
  private static final long MAX_FEN = 100_000_000L;
  private static final long MAX_MB = 10_000_000L;

  private final DocumentCursor cursor;

  CatalogDocumentReader(DocumentCursor cursor) {
    this.cursor = cursor;
  }

  /** The version, or empty when any problem was found (the cursor holds them). */
  Optional<CatalogVersion> read(JsonNode root) {
    NodePath path = NodePath.ROOT;
    if (!cursor.objectWithOnly(root, path, ROOT_FIELDS)) {
      return Optional.empty();
    }
    Optional<String> version =
        cursor
            .text(root, path, "version", true)
            .filter(v -> matches(VERSION, v, path.field("version"), "a version label"));
    Optional<Instant> effectiveFrom = cursor.instant(root, path, "effectiveFrom");
    boolean moves = cursor.bool(root, path, "movesExistingSubscribers").orElse(false);

    List<Partner> partners = cursor.array(root, path, "partners", true, this::partner);
    uniqueCodes(partners.stream().map(Partner::code).toList(), path.field("partners"));
    Set<String> partnerCodes = new HashSet<>();
    partners.forEach(p -> partnerCodes.add(p.code()));

    List<ProductOffering> products =
        cursor.array(root, path, "products", true, (node, at) -> product(node, at, partnerCodes));
    uniqueCodes(products.stream().map(ProductOffering::code).toList(), path.field("products"));
    Map<String, ProductOffering> productsByCode = new HashMap<>();
    products.forEach(p -> productsByCode.put(p.code(), p));

    Set<String> declaredProducts = new HashSet<>();
    root.path("products").forEach(p -> declaredProducts.add(p.path("code").asText()));
    List<PresaleCampaign> campaigns =
        cursor.array(
            root,
            path,
            "campaigns",
            false,
            (node, at) -> campaign(node, at, productsByCode, declaredProducts));
    uniqueCodes(campaigns.stream().map(PresaleCampaign::code).toList(), path.field("campaigns"));

    if (!cursor.problems().isEmpty() || version.isEmpty() || effectiveFrom.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new CatalogVersion(
            version.get(), effectiveFrom.get(), moves, partners, products, campaigns));
  }

  private Optional<Partner> partner(JsonNode node, NodePath path) {
    if (!cursor.objectWithOnly(node, path, PARTNER_FIELDS)) {
      return Optional.empty();
    }
    Optional<String> code = cursor.code(node, path, "code");
    Optional<String> name = cursor.text(node, path, "name", true);
    return code.isPresent() && name.isPresent()
        ? Optional.of(new Partner(code.get(), name.get()))
        : Optional.empty();
  }

  private Optional<ProductOffering> product(
      JsonNode node, NodePath path, Set<String> partnerCodes) {
    if (!cursor.objectWithOnly(node, path, PRODUCT_FIELDS)) {
      return Optional.empty();
    }
    int before = cursor.problems().size();
    Optional<String> code = cursor.code(node, path, "code");
    Optional<String> name = cursor.text(node, path, "name", true);
    String description = cursor.text(node, path, "description", false).orElse("");
    Optional<String> partner = cursor.code(node, path, "partner");
    partner
        .filter(p -> !partnerCodes.contains(p))
        .ifPresent(
            p ->
                cursor.problem(
                    path.field("partner"),
                    "unknown partner '"
                        + p
                        + "'; partners are "
                        + new java.util.TreeSet<>(partnerCodes)));
    LifecycleStatus status =
        cursor
            .text(node, path, "lifecycleStatus", false)
            .map(text -> lifecycleStatus(text, path.field("lifecycleStatus")))
            .orElse(Optional.of(LifecycleStatus.LAUNCHED))
            .orElse(null);
    Set<Province> provinces = cursor.distinct(node, path, "provinces", this::province);
    Optional<BasePlan> plan = plan(node.get("plan"), path.field("plan"));
    Optional<PrivilegeMenu> menu = menu(node.get("privilegeMenu"), path.field("privilegeMenu"));
    List<Privilege> included =
        cursor.array(node, path, "includedPrivileges", false, this::privilege);
    RevenueShare share =
        node.has("revenueShare")
            ? revenueShare(node.get("revenueShare"), path.field("revenueShare"))
                .orElse(RevenueShare.NONE)
            : RevenueShare.NONE;

    menu.ifPresent(m -> checkPrivilegeReferences(m.options(), included, path));

    if (cursor.problems().size() > before
        || code.isEmpty()
        || name.isEmpty()
        || partner.isEmpty()
        || status == null
        || plan.isEmpty()
        || menu.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ProductOffering(
            code.get(),
            name.get(),
            description,
            partner.get(),
            status,
            provinces,
            plan.get(),
            menu.get(),
            included,
            share));
  }

  private Optional<LifecycleStatus> lifecycleStatus(String text, NodePath path) {
    Optional<LifecycleStatus> status = LifecycleStatus.fromTmfName(text);
    if (status.isEmpty()) {
      cursor.problem(
          path,
          "'" + text + "' is not a TMF lifecycle status (" + LifecycleStatus.allowedNames() + ")");
    }
    return status;
  }

  private Optional<Province> province(JsonNode value, NodePath path) {
    return cursor.textValue(
        value, path, Province::fromCode, "a province code such as GD (ISO 3166-2:CN)");
  }

  private Optional<BasePlan> plan(JsonNode node, NodePath path) {
    if (!cursor.objectWithOnly(node, path, PLAN_FIELDS)) {
      return Optional.empty();
    }
    Optional<Long> fee = cursor.integer(node, path, "monthlyFeeFen", true, 0, MAX_FEN);
    Optional<Long> data = cursor.integer(node, path, "dataMb", true, 0, MAX_MB);
    Optional<Long> voice = cursor.integer(node, path, "voiceMinutes", true, 0, 100_000);
    Optional<Long> sms = cursor.integer(node, path, "sms", true, 0, 100_000);
    if (fee.isEmpty() || data.isEmpty() || voice.isEmpty() || sms.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new BasePlan(fee.get(), data.get(), voice.get().intValue(), sms.get().intValue()));
  }

  private Optional<RevenueShare> revenueShare(JsonNode node, NodePath path) {
    if (!cursor.objectWithOnly(node, path, REVENUE_FIELDS)) {
      return Optional.empty();
    }
    Optional<Long> percent = cursor.integer(node, path, "partnerSharePercent", true, 0, 100);
    Optional<Long> price = cursor.integer(node, path, "sponsoredFenPerGb", false, 0, MAX_FEN);
    return percent.map(p -> new RevenueShare(p.intValue(), price.orElse(0L)));
  }

  private Optional<PrivilegeMenu> menu(JsonNode node, NodePath path) {
    if (!cursor.objectWithOnly(node, path, MENU_FIELDS)) {
      return Optional.empty();
    }
    Optional<String> name = cursor.text(node, path, "name", true);
    Optional<Long> lower = cursor.integer(node, path, "lowerLimit", true, 0, 100);
    Optional<Long> upper = cursor.integer(node, path, "upperLimit", true, 0, 100);
    List<Privilege> options = cursor.array(node, path, "privileges", true, this::privilege);
    if (lower.isEmpty() || upper.isEmpty() || name.isEmpty()) {
      return Optional.empty();
    }
    int optionCount = node.path("privileges").size();
    if (lower.get() > upper.get()) {
      cursor.problem(
          path.field("lowerLimit"),
          "lower limit " + lower.get() + " is above the upper limit " + upper.get());
      return Optional.empty();
    }
    if (upper.get() > optionCount) {
      cursor.problem(
          path.field("upperLimit"),
          "upper limit " + upper.get() + " is above the " + optionCount + " privileges on offer");
      return Optional.empty();
    }
    if (options.size() != optionCount) {
      return Optional.empty();
    }
    return Optional.of(
        new PrivilegeMenu(name.get(), lower.get().intValue(), upper.get().intValue(), options));
  }

  private Optional<Privilege> privilege(JsonNode node, NodePath path) {
    if (node == null || !node.isObject()) {
      cursor.objectWithOnly(node, path, Set.of());
      return Optional.empty();
    }
    Optional<PrivilegeKind> kind =
        cursor.enumeration(node, path, "kind", PrivilegeKind.class, true);
    Set<String> allowed = new HashSet<>(PRIVILEGE_COMMON_FIELDS);
    kind.ifPresentOrElse(
        k -> allowed.addAll(PRIVILEGE_KIND_FIELDS.get(k)),
        () -> PRIVILEGE_KIND_FIELDS.values().forEach(allowed::addAll));
    cursor.objectWithOnly(node, path, allowed);

    int before = cursor.problems().size();
    Optional<String> code = cursor.code(node, path, "code");
    Optional<String> name = cursor.text(node, path, "name", true);
    String description = cursor.text(node, path, "description", false).orElse("");
    Set<String> excludes = cursor.distinct(node, path, "excludes", cursor::codeValue);
    Set<String> requires = cursor.distinct(node, path, "requires", cursor::codeValue);
    Set<Integer> types =
        cursor.distinct(
            node,
            path,
            "b2b2cTypes",
            (value, at) -> cursor.integerValue(value, at, 1, 4).map(Long::intValue));
    Optional<Benefit> benefit = kind.flatMap(k -> benefit(k, node, path));
    if (cursor.problems().size() > before
        || code.isEmpty()
        || name.isEmpty()
        || benefit.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Privilege(
            code.get(), name.get(), description, benefit.get(), excludes, requires, types));
  }

  private Optional<Benefit> benefit(PrivilegeKind kind, JsonNode node, NodePath path) {
    return switch (kind) {
      case ZERO_RATING -> zeroRating(node, path);
      case TRAFFIC_GIFT -> trafficGift(node, path);
      case PARTNER_PERK ->
          cursor
              .text(node, path, "perkCode", true)
              .filter(
                  c -> matches(PERK_CODE, c, path.field("perkCode"), "a perk code (GROUP_CHAT_60)"))
              .map(PartnerPerk::new);
    };
  }

  private Optional<Benefit> zeroRating(JsonNode node, NodePath path) {
    Set<Long> groups = cursor.distinct(node, path, "ratingGroups", cursor::unsigned32);
    Set<Long> services = cursor.distinct(node, path, "serviceIdentifiers", cursor::unsigned32);
    Optional<Long> cap = cursor.integer(node, path, "monthlyCapMb", false, 1, MAX_MB);
    Set<Long> excluded = cursor.distinct(node, path, "excludedRatingGroups", cursor::unsigned32);
    if (groups.isEmpty() && services.isEmpty()) {
      cursor.problem(
          path.field("ratingGroups"),
          "a ZERO_RATING privilege needs at least one rating group or service identifier");
      return Optional.empty();
    }
    Set<Long> both = new HashSet<>(groups);
    both.retainAll(excluded);
    if (!both.isEmpty()) {
      cursor.problem(
          path.field("excludedRatingGroups"),
          "rating group(s) " + both + " are both zero-rated and excluded");
      return Optional.empty();
    }
    return Optional.of(new ZeroRating(groups, services, cap, excluded));
  }

  private Optional<Benefit> trafficGift(JsonNode node, NodePath path) {
    Optional<Long> mb = cursor.integer(node, path, "megabytes", true, 1, MAX_MB);
    Optional<Recurrence> recurrence =
        cursor.enumeration(node, path, "recurrence", Recurrence.class, true);
    Optional<Long> validity = cursor.integer(node, path, "validityDays", true, 1, 3660);
    Set<Long> groups = cursor.distinct(node, path, "ratingGroups", cursor::unsigned32);
    if (mb.isEmpty() || recurrence.isEmpty() || validity.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new TrafficGift(mb.get(), recurrence.get(), validity.get().intValue(), groups));
  }

  private void checkPrivilegeReferences(
      List<Privilege> options, List<Privilege> included, NodePath productPath) {
    Map<String, NodePath> pathByCode = new HashMap<>();
    List<Privilege> all = new ArrayList<>();
    for (int i = 0; i < options.size(); i++) {
      all.add(options.get(i));
      claim(
          pathByCode,
          options.get(i).code(),
          productPath.field("privilegeMenu").field("privileges").index(i));
    }
    for (int i = 0; i < included.size(); i++) {
      all.add(included.get(i));
      claim(pathByCode, included.get(i).code(), productPath.field("includedPrivileges").index(i));
    }
    for (Privilege privilege : all) {
      NodePath at = pathByCode.get(privilege.code());
      for (String excluded : privilege.excludes()) {
        checkReference(pathByCode, privilege, excluded, at.field("excludes"));
      }
      for (String required : privilege.requires()) {
        checkReference(pathByCode, privilege, required, at.field("requires"));
        if (privilege.excludes().contains(required)) {
          cursor.problem(at.field("requires"), "'" + required + "' is both required and excluded");
        }
      }
    }
  }

  private void claim(Map<String, NodePath> pathByCode, String code, NodePath path) {
    NodePath first = pathByCode.putIfAbsent(code, path);
    if (first != null) {
      cursor.problem(
          path.field("code"), "privilege code '" + code + "' is already used at " + first);
    }
  }

  private void checkReference(
      Map<String, NodePath> pathByCode, Privilege privilege, String target, NodePath at) {
    if (target.equals(privilege.code())) {
      cursor.problem(at, "a privilege cannot refer to itself");
    } else if (!pathByCode.containsKey(target)) {
      cursor.problem(at, "unknown privilege '" + target + "' in this product");
    }
  }

  private Optional<PresaleCampaign> campaign(
      JsonNode node,
      NodePath path,
      Map<String, ProductOffering> products,
      Set<String> declaredProducts) {
    if (!cursor.objectWithOnly(node, path, CAMPAIGN_FIELDS)) {
      return Optional.empty();
    }
    int before = cursor.problems().size();
    Optional<String> code = cursor.code(node, path, "code");
    Optional<String> name = cursor.text(node, path, "name", true);
    Optional<ProductOffering> product =
        cursor
            .code(node, path, "product")
            .flatMap(
                p -> {
                  if (!declaredProducts.contains(p)) {
                    cursor.problem(path.field("product"), "unknown product '" + p + "'");
                  } else if (!products.containsKey(p)) {
                    cursor.problem(
                        path.field("product"), "product '" + p + "' is itself invalid (see above)");
                  }
                  return Optional.ofNullable(products.get(p));
                });
    Set<String> channels = cursor.distinct(node, path, "channels", cursor::codeValue);
    if (channels.isEmpty() && node.path("channels").isEmpty()) {
      cursor.problem(path.field("channels"), "at least one sales channel is required");
    }
    Set<Province> provinces = cursor.distinct(node, path, "provinces", this::province);
    product.ifPresent(
        p -> {
          Set<Province> outside = new HashSet<>(provinces);
          outside.removeIf(p::soldIn);
          if (!outside.isEmpty()) {
            cursor.problem(
                path.field("provinces"), "product '" + p.code() + "' is not sold in " + outside);
          }
        });
    Optional<Long> stock = cursor.integer(node, path, "stock", true, 1, 100_000_000);
    Optional<Instant> start = cursor.instant(node, path, "saleStart");
    Optional<Instant> end = cursor.instant(node, path, "saleEnd");
    if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
      cursor.problem(path.field("saleEnd"), "the sale must end after it starts");
    }
    Optional<Long> limit = cursor.integer(node, path, "perBuyerLimit", true, 1, 100);
    long deposit = cursor.integer(node, path, "depositFen", false, 0, MAX_FEN).orElse(0L);
    if (cursor.problems().size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new PresaleCampaign(
            code.get(),
            name.get(),
            product.get().code(),
            channels,
            provinces,
            stock.get(),
            start.get(),
            end.get(),
            limit.get().intValue(),
            deposit));
  }

  private void uniqueCodes(List<String> codes, NodePath listPath) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < codes.size(); i++) {
      if (!seen.add(codes.get(i))) {
        cursor.problem(listPath, "code '" + codes.get(i) + "' is used more than once");
      }
    }
  }

  private boolean matches(Pattern pattern, String value, NodePath path, String what) {
    if (pattern.matcher(value).matches()) {
      return true;
    }
    cursor.problem(path, "'" + value + "' is not " + what);
    return false;
  }
}
