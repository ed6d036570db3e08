package io.simbundle.catalog.file;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.catalog.campaign.CampaignTerms;
import io.simbundle.catalog.campaign.FinalPayment;
import io.simbundle.catalog.campaign.PresaleCampaign;
import io.simbundle.catalog.campaign.UnpaidDeposit;
import io.simbundle.catalog.campaign.WhenPartnerSilent;
import io.simbundle.catalog.notice.NoticeTemplates;
import io.simbundle.catalog.partner.Partner;
import io.simbundle.catalog.privilege.Privilege;
import io.simbundle.catalog.privilege.PrivilegeMenu;
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
          "campaigns",
          "notices");
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
      Set.of(
          "monthlyFeeFen",
          "dataMb",
          "voiceMinutes",
          "sms",
          "voiceUnitSeconds",
          "voiceOverageFenPerMinute",
          "smsOverageFen");
  private static final Set<String> REVENUE_FIELDS =
      Set.of(
          "partnerSharePercent",
          "sponsoredFenPerGb",
          "sponsoredFenPerMinute",
          "integrator",
          "integratorSharePercent");
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
          "priceFen",
          "depositFen",
          "finalPayment",
          "unpaidDeposit",
          "returnWindowDays",
          "whenPartnerSilent",
          "instalmentMonths",
          "maxItemsPerOrder");
  private static final Set<String> FINAL_PAYMENT_FIELDS = Set.of("opens", "closes", "withinDays");
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final long MAX_FEN = 100_000_000L;
  static final long MAX_MB = 10_000_000L;

  private final DocumentCursor cursor;
  private final PrivilegeMenuReader privileges;

  CatalogDocumentReader(DocumentCursor cursor) {
    this.cursor = cursor;
    this.privileges = new PrivilegeMenuReader(cursor);
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
            .filter(v -> cursor.matches(VERSION, v, path.field("version"), "a version label"));
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

    NoticeTemplates notices = notices(root.get("notices"), path.field("notices"));

    if (!cursor.problems().isEmpty() || version.isEmpty() || effectiveFrom.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new CatalogVersion(
            version.get(), effectiveFrom.get(), moves, partners, products, campaigns, notices));
  }

  /**
   * The catalog's words for notices: known kinds only, each with a Chinese and an English text
   * using only the placeholders the kind offers.
   */
  private NoticeTemplates notices(JsonNode node, NodePath path) {
    if (node == null || node.isNull()) {
      return NoticeTemplates.none();
    }
    if (!node.isObject()) {
      cursor.problem(path, "must map notice kinds to their zh and en texts");
      return NoticeTemplates.none();
    }
    Map<String, NoticeTemplates.Template> templates = new java.util.LinkedHashMap<>();
    for (var entry : node.properties()) {
      NodePath at = path.field(entry.getKey());
      Set<String> offered = NoticeTemplates.KINDS.get(entry.getKey());
      if (offered == null) {
        cursor.problem(
            at,
            "is not a notice kind; the kinds are "
                + new java.util.TreeSet<>(NoticeTemplates.KINDS.keySet()));
        continue;
      }
      if (!cursor.objectWithOnly(entry.getValue(), at, Set.of("zh", "en"))) {
        continue;
      }
      Optional<String> zh = cursor.text(entry.getValue(), at, "zh", true);
      Optional<String> en = cursor.text(entry.getValue(), at, "en", true);
      boolean valid = zh.isPresent() && en.isPresent();
      for (String language : List.of("zh", "en")) {
        Optional<String> text = language.equals("zh") ? zh : en;
        if (text.isEmpty()) {
          continue;
        }
        java.util.regex.Matcher placeholder = NoticeTemplates.PLACEHOLDER.matcher(text.get());
        while (placeholder.find()) {
          if (!offered.contains(placeholder.group(1))) {
            cursor.problem(
                at.field(language),
                "{"
                    + placeholder.group(1)
                    + "} is not offered here; use "
                    + new java.util.TreeSet<>(offered));
            valid = false;
          }
        }
      }
      if (valid) {
        templates.put(entry.getKey(), new NoticeTemplates.Template(zh.get(), en.get()));
      }
    }
    return new NoticeTemplates(templates);
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
    Optional<PrivilegeMenu> menu =
        privileges.menu(node.get("privilegeMenu"), path.field("privilegeMenu"));
    List<Privilege> included =
        cursor.array(node, path, "includedPrivileges", false, privileges::privilege);
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
    Optional<Long> unit =
        node.has("voiceUnitSeconds")
            ? cursor.integer(
                node, path, "voiceUnitSeconds", true, 1, BasePlan.MAX_VOICE_UNIT_SECONDS)
            : Optional.of((long) BasePlan.PER_STARTED_MINUTE);
    int before = cursor.problems().size();
    Optional<Long> voiceOverage =
        cursor.integer(node, path, "voiceOverageFenPerMinute", false, 0, MAX_FEN);
    Optional<Long> smsOverage = cursor.integer(node, path, "smsOverageFen", false, 0, MAX_FEN);
    if (fee.isEmpty()
        || data.isEmpty()
        || voice.isEmpty()
        || sms.isEmpty()
        || unit.isEmpty()
        || cursor.problems().size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new BasePlan(
            fee.get(),
            data.get(),
            voice.get().intValue(),
            sms.get().intValue(),
            unit.get().intValue(),
            voiceOverage,
            smsOverage));
  }

  private Optional<RevenueShare> revenueShare(JsonNode node, NodePath path) {
    if (!cursor.objectWithOnly(node, path, REVENUE_FIELDS)) {
      return Optional.empty();
    }
    Optional<Long> percent = cursor.integer(node, path, "partnerSharePercent", true, 0, 100);
    Optional<Long> price = cursor.integer(node, path, "sponsoredFenPerGb", false, 0, MAX_FEN);
    Optional<Long> perMinute =
        cursor.integer(node, path, "sponsoredFenPerMinute", false, 0, MAX_FEN);
    Optional<String> integrator =
        cursor
            .text(node, path, "integrator", false)
            .filter(code -> cursor.validCode(path.field("integrator"), code));
    long integratorPercent =
        cursor.integer(node, path, "integratorSharePercent", false, 0, 100).orElse(0L);
    if (integrator.isPresent() != (integratorPercent > 0)) {
      cursor.problem(
          path.field("integratorSharePercent"), "an integrator and a share above 0 go together");
      return Optional.empty();
    }
    if (percent.isPresent() && percent.get() + integratorPercent > 100) {
      cursor.problem(
          path.field("integratorSharePercent"),
          "the partner's and the integrator's shares come to more than 100 %");
      return Optional.empty();
    }
    return percent.map(
        p ->
            new RevenueShare(
                p.intValue(),
                price.orElse(0L),
                perMinute.orElse(0L),
                integrator,
                (int) integratorPercent));
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
    Optional<CampaignTerms> terms = product.flatMap(p -> terms(node, path, p, start));
    if (limit.isPresent() && terms.isPresent() && terms.get().maxItemsPerOrder() > limit.get()) {
      cursor.problem(
          path.field("maxItemsPerOrder"),
          "an order of "
              + terms.get().maxItemsPerOrder()
              + " cards is more than one buyer may order (perBuyerLimit "
              + limit.get()
              + ")");
    }
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
            terms.get()));
  }

  /**
   * What a campaign's buyer pays and may undo. A deposit needs a final payment window and a price
   * above it; a final payment window needs a deposit.
   */
  private Optional<CampaignTerms> terms(
      JsonNode node, NodePath path, ProductOffering product, Optional<Instant> saleStart) {
    int before = cursor.problems().size();
    long price =
        cursor
            .integer(node, path, "priceFen", false, 0, MAX_FEN)
            .orElse(product.plan().monthlyFeeFen());
    long deposit = cursor.integer(node, path, "depositFen", false, 0, MAX_FEN).orElse(0L);
    Optional<FinalPayment> finalPayment =
        node.has("finalPayment")
            ? finalPayment(node.get("finalPayment"), path.field("finalPayment"), saleStart)
            : Optional.empty();
    if (deposit > 0 && !node.has("finalPayment")) {
      cursor.problem(
          path.field("finalPayment"),
          "a campaign with a deposit says when the rest is paid (opens and closes, or withinDays)");
    }
    if (deposit == 0 && node.has("finalPayment")) {
      cursor.problem(path.field("depositFen"), "a final payment follows a deposit; set depositFen");
    }
    if (deposit > 0 && deposit >= price) {
      cursor.problem(
          path.field("depositFen"),
          "the deposit (" + deposit + " fen) must be less than the price (" + price + " fen)");
    }
    UnpaidDeposit unpaid =
        cursor
            .enumeration(node, path, "unpaidDeposit", UnpaidDeposit.class, false)
            .orElse(UnpaidDeposit.KEPT);
    long returnDays =
        cursor
            .integer(node, path, "returnWindowDays", false, 0, 90)
            .orElse((long) CampaignTerms.DEFAULT_RETURN_WINDOW_DAYS);
    WhenPartnerSilent silent =
        cursor
            .enumeration(node, path, "whenPartnerSilent", WhenPartnerSilent.class, false)
            .orElse(WhenPartnerSilent.TREAT_AS_EXISTING);
    long instalments = cursor.integer(node, path, "instalmentMonths", false, 0, 36).orElse(0L);
    long items =
        cursor
            .integer(node, path, "maxItemsPerOrder", false, 1, CampaignTerms.MOST_ITEMS_PER_ORDER)
            .orElse(1L);
    if (cursor.problems().size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new CampaignTerms(
            price,
            deposit,
            finalPayment,
            unpaid,
            (int) returnDays,
            silent,
            (int) instalments,
            (int) items));
  }

  private Optional<FinalPayment> finalPayment(
      JsonNode node, NodePath path, Optional<Instant> saleStart) {
    if (!cursor.objectWithOnly(node, path, FINAL_PAYMENT_FIELDS)) {
      return Optional.empty();
    }
    if (node.has("withinDays")) {
      if (node.has("opens") || node.has("closes")) {
        cursor.problem(path, "either opens and closes, or withinDays, not both");
        return Optional.empty();
      }
      return cursor
          .integer(node, path, "withinDays", true, 1, 366)
          .map(days -> new FinalPayment.WithinDays(days.intValue()));
    }
    Optional<Instant> opens = cursor.instant(node, path, "opens");
    Optional<Instant> closes = cursor.instant(node, path, "closes");
    if (opens.isEmpty() || closes.isEmpty()) {
      return Optional.empty();
    }
    if (!closes.get().isAfter(opens.get())) {
      cursor.problem(path.field("closes"), "the final payment window must close after it opens");
      return Optional.empty();
    }
    if (saleStart.isPresent() && opens.get().isBefore(saleStart.get())) {
      cursor.problem(path.field("opens"), "the final payment cannot open before the sale starts");
      return Optional.empty();
    }
    return Optional.of(new FinalPayment.OnFixedDates(opens.get(), closes.get()));
  }

  private void uniqueCodes(List<String> codes, NodePath listPath) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < codes.size(); i++) {
      if (!seen.add(codes.get(i))) {
        cursor.problem(listPath, "code '" + codes.get(i) + "' is used more than once");
      }
    }
  }
}
