package io.simbundle.provisioning.channels.rest.selfcare;

import io.simbundle.catalog.CatalogService;
import io.simbundle.catalog.privilege.Privilege;
import io.simbundle.catalog.product.ProductOffering;
import io.simbundle.charging.Balance;
import io.simbundle.charging.ChargingFunction;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.profile.ZeroRatedService;
import io.simbundle.charging.usage.ExplainedUsage;
import io.simbundle.provisioning.ProvisioningException;
import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.channels.http.ClientAddress;
import io.simbundle.provisioning.channels.http.HttpResponses;
import io.simbundle.provisioning.channels.http.RequestBodies;
import io.simbundle.provisioning.selfcare.SelfCare;
import io.simbundle.provisioning.subscription.ChargingProfiles;
import io.simbundle.provisioning.subscription.HeldGift;
import io.simbundle.provisioning.subscription.Subscription;
import io.simbundle.provisioning.subscription.SubscriptionService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Self-care for subscribers, behind a sign-in with a code sent by SMS to their number:
 *
 * <ul>
 *   <li>{@code POST /api/v1/my/code}: send a code to a number (202 whether or not it is a
 *       subscriber's; 429 when asked too often);
 *   <li>{@code POST /api/v1/my/session}: sign in with it; the session is a cookie ({@value
 *       #COOKIE}: HttpOnly, SameSite=Strict, Secure when the page came over TLS);
 *   <li>{@code GET /api/v1/my}: the plan, privileges, balances and usage with why each was charged;
 *   <li>{@code POST /api/v1/my/privilegeSelection}: other privileges, from the next cycle;
 *   <li>{@code DELETE /api/v1/my/session}: sign out.
 * </ul>
 *
 * The number travels in request bodies only; pages and answers of a session show only its own
 * subscription.
 */
public final class SelfCareRoutes extends RouteBuilder {

  public static final String COOKIE = "simbundle_my";

  private static final Duration USAGE_SHOWN = Duration.ofDays(31);

  private final SelfCare selfCare;
  private final SubscriptionService subscriptions;
  private final CatalogService catalog;
  private final ChargingFunction charging;
  private final ClientAddress addresses;
  private final Clock clock;

  public SelfCareRoutes(
      SelfCare selfCare,
      SubscriptionService subscriptions,
      CatalogService catalog,
      ChargingFunction charging,
      ClientAddress addresses,
      Clock clock) {
    this.selfCare = selfCare;
    this.addresses = addresses;
    this.subscriptions = subscriptions;
    this.catalog = catalog;
    this.charging = charging;
    this.clock = clock;
  }

  @Override
  public void configure() {
    rest("/api/v1/my")
        .post("/code")
        .id("self-care-code")
        .to("direct:self-care-code")
        .post("/session")
        .id("self-care-sign-in")
        .to("direct:self-care-sign-in")
        .delete("/session")
        .id("self-care-sign-out")
        .to("direct:self-care-sign-out")
        .get()
        .id("self-care-view")
        .to("direct:self-care-view")
        .post("/privilegeSelection")
        .id("self-care-privileges")
        .to("direct:self-care-privileges");
    from("direct:self-care-code").process(this::code);
    from("direct:self-care-sign-in").process(this::signIn);
    from("direct:self-care-sign-out").process(this::signOut);
    from("direct:self-care-view").process(this::view);
    from("direct:self-care-privileges").process(this::changePrivileges);
  }

  private void code(Exchange exchange) {
    RequestBodies body = RequestBodies.of(exchange);
    String msisdn = body.mobileNumber("/msisdn");
    body.requireValid();
    selfCare.requestCode(msisdn, addresses.of(exchange));
    HttpResponses.json(
        exchange,
        202,
        Map.of(
            "detail",
            "if this number holds an active card, a code is on its way by SMS",
            "validMinutes",
            5));
  }

  private void signIn(Exchange exchange) {
    RequestBodies body = RequestBodies.of(exchange);
    String msisdn = body.mobileNumber("/msisdn");
    String code = body.text("/code", true, 6).orElse("");
    body.requireValid();
    SelfCare.Session session = selfCare.signIn(msisdn, code);
    long maxAge = Duration.between(clock.instant(), session.expiresAt()).toSeconds();
    HttpResponses.json(
        exchange,
        201,
        Map.of("expiresAt", session.expiresAt().toString()),
        Map.of(
            "Set-Cookie",
            COOKIE
                + "="
                + session.token()
                + "; Path=/; Max-Age="
                + maxAge
                + "; HttpOnly; SameSite=Strict"
                + (overTls(exchange) ? "; Secure" : ""),
            "Cache-Control",
            "no-store"));
  }

  private void signOut(Exchange exchange) {
    selfCare.signOut(token(exchange).orElse(null));
    HttpResponses.json(
        exchange,
        200,
        Map.of("detail", "signed out"),
        Map.of(
            "Set-Cookie",
            COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict",
            "Cache-Control",
            "no-store"));
  }

  private long signedIn(Exchange exchange) {
    return token(exchange)
        .flatMap(selfCare::signedIn)
        .orElseThrow(
            () -> ProvisioningException.unauthorized("not-signed-in", "sign in with a code first"));
  }

  private void view(Exchange exchange) {
    Subscription subscription = subscriptions.get(signedIn(exchange));
    HttpResponses.json(exchange, 200, view(subscription), Map.of("Cache-Control", "no-store"));
  }

  private void changePrivileges(Exchange exchange) {
    long productId = signedIn(exchange);
    RequestBodies body = RequestBodies.of(exchange);
    List<String> chosen = body.codes("/chosenPrivileges", 50);
    body.requireValid();
    Subscription changed = subscriptions.changePrivileges(productId, chosen, Actor.SUBSCRIBER);
    HttpResponses.json(exchange, 202, view(changed), Map.of("Cache-Control", "no-store"));
  }

  private Map<String, Object> view(Subscription subscription) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("msisdn", subscription.msisdn());
    json.put("status", subscription.status().tmfName());
    Optional<ProductOffering> product = catalog.current().product(subscription.productCode());
    json.put(
        "productOffering",
        Map.of(
            "id",
            subscription.productCode(),
            "name",
            product.map(ProductOffering::name).orElse(subscription.productCode())));
    json.put("privileges", privileges(product, subscription.privileges()));
    subscription
        .pendingPrivileges()
        .ifPresent(p -> json.put("pendingPrivileges", privileges(product, p)));
    subscription.pendingFrom().ifPresent(from -> json.put("pendingFrom", from.toString()));
    product.ifPresent(
        offering -> {
          Map<String, Object> menu = new LinkedHashMap<>();
          menu.put("name", offering.menu().name());
          menu.put("lowerLimit", offering.menu().lowerLimit());
          menu.put("upperLimit", offering.menu().upperLimit());
          menu.put(
              "privileges",
              offering.menu().options().stream().map(SelfCareRoutes::privilege).toList());
          json.put("privilegeMenu", menu);
        });
    charging
        .balance(subscription.msisdn())
        .ifPresent(balance -> json.put("balance", balance(balance, subscription, product)));
    json.put(
        "usage",
        charging
            .explainedUsage(subscription.msisdn(), clock.instant().minus(USAGE_SHOWN))
            .orElse(List.of())
            .stream()
            .map(SelfCareRoutes::usage)
            .toList());
    return json;
  }

  private Map<String, Object> balance(
      Balance balance, Subscription subscription, Optional<ProductOffering> product) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("allowanceBytes", balance.allowanceBytes());
    json.put("allowanceUsedBytes", balance.allowanceUsedBytes());
    json.put("allowanceLeftBytes", balance.allowanceLeftBytes());
    json.put("voiceSecondsPerCycle", balance.voiceSecondsPerCycle());
    json.put("voiceSecondsLeft", balance.voiceSecondsLeft());
    json.put("smsPerCycle", balance.smsPerCycle());
    json.put("smsLeft", balance.smsLeft());
    Instant nextCycle =
        ChargingProfiles.cycleStart(ChargingProfiles.cycleOf(clock.instant()).plusMonths(1));
    json.put(
        "gifts",
        subscription.gifts().stream()
            .filter(gift -> balance.giftsLeftBytes().containsKey(gift.code()))
            .map(
                gift ->
                    Map.of(
                        "code", gift.code(),
                        "leftBytes", balance.giftsLeftBytes().get(gift.code()),
                        "expiresAt", expiry(gift, nextCycle).toString()))
            .toList());
    Optional<ChargingProfile> profile = charging.profile(subscription.msisdn());
    json.put(
        "freeTraffic",
        profile.map(ChargingProfile::zeroRated).orElse(List.of()).stream()
            .map(
                service -> {
                  Map<String, Object> free = new LinkedHashMap<>();
                  free.put("privilege", service.privilegeCode());
                  free.put("name", privilegeName(product, service));
                  free.put(
                      "usedBytes",
                      balance.zeroRatedUsedBytes().getOrDefault(service.privilegeCode(), 0L));
                  service.monthlyCapBytes().ifPresent(cap -> free.put("capBytes", cap));
                  return free;
                })
            .toList());
    return json;
  }

  /** A one-off gift lapses its validity after it was granted; a monthly one with the cycle. */
  private static Instant expiry(HeldGift gift, Instant nextCycle) {
    return gift.recurrence().name().equals("MONTHLY")
        ? nextCycle
        : gift.grantedAt().plus(Duration.ofDays(gift.granted().validityDays()));
  }

  private static String privilegeName(Optional<ProductOffering> product, ZeroRatedService service) {
    return product
        .flatMap(
            p ->
                p.allPrivileges()
                    .filter(option -> option.code().equals(service.privilegeCode()))
                    .findFirst())
        .map(Privilege::name)
        .orElse(service.privilegeCode());
  }

  private static List<Map<String, Object>> privileges(
      Optional<ProductOffering> product, List<String> codes) {
    return codes.stream()
        .map(
            code ->
                product
                    .flatMap(p -> p.allPrivileges().filter(o -> o.code().equals(code)).findFirst())
                    .map(SelfCareRoutes::privilege)
                    .orElseGet(() -> Map.of("code", code, "name", code)))
        .toList();
  }

  private static Map<String, Object> privilege(Privilege privilege) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("code", privilege.code());
    json.put("name", privilege.name());
    json.put("description", privilege.description());
    json.put("excludes", List.copyOf(privilege.excludes()));
    return json;
  }

  private static Map<String, Object> usage(ExplainedUsage usage) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("day", usage.day().toString());
    json.put("service", usage.service().name());
    json.put("ratingGroup", usage.ratingGroup());
    json.put("reason", usage.reason().name());
    json.put("units", usage.units());
    json.put("why", usage.why());
    return json;
  }

  private static Optional<String> token(Exchange exchange) {
    String cookies = exchange.getMessage().getHeader("Cookie", String.class);
    if (cookies == null) {
      return Optional.empty();
    }
    for (String cookie : cookies.split(";")) {
      String trimmed = cookie.trim();
      if (trimmed.startsWith(COOKIE + "=")) {
        return Optional.of(trimmed.substring(COOKIE.length() + 1));
      }
    }
    return Optional.empty();
  }

  /** Over TLS, here or at a proxy that says so. */
  private static boolean overTls(Exchange exchange) {
    String forwarded = exchange.getMessage().getHeader("X-Forwarded-Proto", String.class);
    String url = exchange.getMessage().getHeader(Exchange.HTTP_URL, String.class);
    return "https".equalsIgnoreCase(forwarded) || url != null && url.startsWith("https:");
  }
}
