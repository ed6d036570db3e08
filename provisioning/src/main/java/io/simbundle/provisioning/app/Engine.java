package io.simbundle.provisioning.app;

import io.simbundle.catalog.CatalogService;
import io.simbundle.catalog.CatalogSources;
import io.simbundle.catalog.store.CatalogStore;
import io.simbundle.catalog.version.CatalogVersion;
import io.simbundle.charging.ChargingFunction;
import io.simbundle.charging.gy.ChargingSettings;
import io.simbundle.platform.database.Database;
import io.simbundle.platform.database.PersistenceUnit;
import io.simbundle.provisioning.audit.AuditTrail;
import io.simbundle.provisioning.channels.http.ClientAddress;
import io.simbundle.provisioning.channels.http.ProblemResponses;
import io.simbundle.provisioning.channels.http.UnmatchedRequests;
import io.simbundle.provisioning.channels.partner.PartnerUserCheckRoute;
import io.simbundle.provisioning.channels.partner.PartnerUserChecks;
import io.simbundle.provisioning.channels.partner.PayerCallbackRoutes;
import io.simbundle.provisioning.channels.rest.activation.ActivationRoutes;
import io.simbundle.provisioning.channels.rest.admin.CatalogAdminRoutes;
import io.simbundle.provisioning.channels.rest.admin.OutboxAdminRoutes;
import io.simbundle.provisioning.channels.rest.admin.RuleShadowRoutes;
import io.simbundle.provisioning.channels.rest.admin.RulesAdminRoutes;
import io.simbundle.provisioning.channels.rest.admin.SalesReportRoutes;
import io.simbundle.provisioning.channels.rest.admin.StoreAdminRoutes;
import io.simbundle.provisioning.channels.rest.catalog.ProductCatalogRoutes;
import io.simbundle.provisioning.channels.rest.charging.ChargingRoutes;
import io.simbundle.provisioning.channels.rest.charging.PartnerStatementRoutes;
import io.simbundle.provisioning.channels.rest.inventory.InventoryRoutes;
import io.simbundle.provisioning.channels.rest.observability.ObservabilityRoutes;
import io.simbundle.provisioning.channels.rest.order.ProductOrderRoutes;
import io.simbundle.provisioning.channels.rest.order.RefundRoutes;
import io.simbundle.provisioning.channels.rest.product.ProductInventoryRoutes;
import io.simbundle.provisioning.channels.rest.qualification.QualificationRoutes;
import io.simbundle.provisioning.channels.rest.selfcare.SelfCareRoutes;
import io.simbundle.provisioning.channels.sms.SmppLink;
import io.simbundle.provisioning.channels.sms.SmsChannel;
import io.simbundle.provisioning.channels.sms.SmsRoute;
import io.simbundle.provisioning.channels.sms.SmsSubmissions;
import io.simbundle.provisioning.channels.sms.SmscSettings;
import io.simbundle.provisioning.channels.store.OrderFileRoute;
import io.simbundle.provisioning.channels.store.OrderFiles;
import io.simbundle.provisioning.channels.store.ReconciliationFiles;
import io.simbundle.provisioning.channels.store.StoreOrderIntake;
import io.simbundle.provisioning.channels.store.StoreOrderRoutes;
import io.simbundle.provisioning.channels.store.StoreOrderTopicRoute;
import io.simbundle.provisioning.channels.store.StoreRefundRoutes;
import io.simbundle.provisioning.channels.store.StoreSelfServiceRoutes;
import io.simbundle.provisioning.channels.store.StoreSignatures;
import io.simbundle.provisioning.channels.web.WebPageRoutes;
import io.simbundle.provisioning.identity.OneTimeCodes;
import io.simbundle.provisioning.observability.EngineMetrics;
import io.simbundle.provisioning.observability.GyRequestMeter;
import io.simbundle.provisioning.observability.HttpRequestMeter;
import io.simbundle.provisioning.outbox.Outbox;
import io.simbundle.provisioning.outbox.OutboxDelivery;
import io.simbundle.provisioning.partner.PartnerEndpoints;
import io.simbundle.provisioning.privacy.PersonalData;
import io.simbundle.provisioning.sales.buyer.BuyerRecords;
import io.simbundle.provisioning.sales.buyer.BuyerTypes;
import io.simbundle.provisioning.sales.campaign.CampaignStock;
import io.simbundle.provisioning.sales.inventory.Inventory;
import io.simbundle.provisioning.sales.order.OrderService;
import io.simbundle.provisioning.sales.order.StoreOrderKeys;
import io.simbundle.provisioning.sales.report.Reconciliation;
import io.simbundle.provisioning.sales.report.SalesReport;
import io.simbundle.provisioning.selfcare.SelfCare;
import io.simbundle.provisioning.settlement.PartnerStatements;
import io.simbundle.provisioning.store.StoreCallbacks;
import io.simbundle.provisioning.store.StoreService;
import io.simbundle.provisioning.subscription.ChargingProfiles;
import io.simbundle.provisioning.subscription.ChargingSync;
import io.simbundle.provisioning.subscription.ProductStatus;
import io.simbundle.provisioning.subscription.Subscription;
import io.simbundle.provisioning.subscription.SubscriptionService;
import io.simbundle.rules.RulesService;
import io.simbundle.rules.ruleset.RuleBook;
import io.simbundle.rules.ruleset.RuleSetCompiler;
import io.simbundle.rules.ruleset.RuleSources;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.apache.camel.support.PluginHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running engine: database, catalog and the HTTP server (Camel's platform-http on Vert.x).
 * Parts are started in dependency order and stopped in reverse; a failed start stops what had
 * started.
 */
public final class Engine implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Engine.class);

  private final EngineSettings settings;
  private static final int HTTP_WORKERS = 64;

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private CatalogService catalog;
  private ChargingFunction charging;
  private OrderService orders;
  private Inventory inventory;
  private SubscriptionService subscriptions;
  private ChargingSync chargingSync;
  private Main camel;
  private OutboxDelivery outbox;
  private SmsChannel sms;
  private DataRetention retention;

  private Engine(EngineSettings settings) {
    this.settings = settings;
  }

  public static Engine start(EngineSettings settings, Clock clock) {
    Engine engine = new Engine(settings);
    try {
      engine.startParts(clock);
      return engine;
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  private void startParts(Clock clock) {
    long startedAt = System.nanoTime();
    // The rules need no database: they are read while the database starts, on a second core.
    StartedAside<RuleBook> openingRules =
        StartedAside.start(
            "rules-open",
            () ->
                RuleBook.open(
                    new RuleSources(settings.rules().directory()),
                    new RuleSetCompiler(clock, settings.rules().cacheDirectory())));
    started.push(openingRules);
    Database database = Database.open(settings.database());
    started.push(database);
    // Provisioning's tables and persistence unit, while the catalog's boot on this thread.
    StartedAside<PersistenceUnit> bootingProvisioning =
        StartedAside.start(
            "provisioning-unit",
            () -> {
              database.migrate(ProvisioningSchema.SCHEMA);
              return PersistenceUnit.create(
                  database, ProvisioningSchema.SCHEMA, ProvisioningSchema.entities());
            });
    started.push(bootingProvisioning);
    CatalogStore catalogStore = CatalogStore.open(database, clock);
    started.push(catalogStore);
    catalog =
        CatalogService.start(
            catalogStore, new CatalogSources(true, settings.catalogDirectory()), clock);
    long catalogReady = System.nanoTime();
    RuleBook ruleBook = openingRules.await();
    ruleBook.watchDirectory();
    long rulesReady = System.nanoTime();
    RulesService rules = new RulesService(ruleBook, settings.rules().policy(), clock);
    PersistenceUnit provisioningUnit = bootingProvisioning.await();
    PersonalData personalData =
        PersonalData.open(settings.security().personalDataKey(), database.dataSource());
    CampaignStock campaignStock = new CampaignStock(database.dataSource(), provisioningUnit);
    BuyerRecords buyerRecords =
        new BuyerRecords(database.dataSource(), personalData.digest(), campaignStock);
    Inventory inventory = new Inventory(database.dataSource(), provisioningUnit, clock);
    Outbox outboxMessages = new Outbox(provisioningUnit);
    Main camel = new Main();
    PartnerEndpoints partners = new PartnerEndpoints(provisioningUnit, personalData.seal(), clock);
    PartnerUserChecks partnerChecks =
        new PartnerUserChecks(
            partners,
            () -> camelTemplate(camel),
            settings.provisioning().partnerAnswersKept(),
            settings.provisioning().partnerCheckPause(),
            clock);
    BuyerTypes buyerTypes = new BuyerTypes(partnerChecks);
    OrderService orders =
        new OrderService(
            provisioningUnit,
            catalog,
            rules,
            buyerRecords,
            buyerTypes,
            inventory,
            campaignStock,
            new StoreOrderKeys(database.dataSource()),
            personalData,
            settings.provisioning().paymentWindow(),
            new StoreCallbacks(provisioningUnit, outboxMessages),
            clock);
    started.push(orders);

    EngineMetrics metrics = new EngineMetrics(database.dataSource());
    ChargingFunction charging =
        ChargingFunction.start(
            database,
            settings.gy().identity(),
            new ChargingSettings(
                settings.gy().grants(),
                ChargingProfiles.ratingGroupsOf(catalog.timeline()),
                settings.gy().unknownRatingGroups(),
                settings.gy().topUpUrl(),
                settings.gy().duplicateWindow(),
                settings.gy().peers()),
            clock,
            new GyRequestMeter(metrics.registry()),
            settings.gy().cluster());
    started.push(charging);
    settings.chf().ifPresent(charging::serveNchf);
    metrics.watchCluster(
        charging::cluster, charging::sentElsewhere, charging::requestsThatWaitedForATake);
    metrics.watchDiameterPeers(charging::connections);
    this.charging = charging;
    long chargingReady = System.nanoTime();
    if (settings.gy().demoSubscribers()) {
      DemoSubscribers.install(charging, catalog.current(), clock);
    }
    OneTimeCodes codes = new OneTimeCodes(provisioningUnit, personalData.digest());
    SubscriptionService subscriptions =
        new SubscriptionService(
            provisioningUnit,
            catalog,
            rules,
            buyerRecords,
            orders,
            personalData,
            outboxMessages,
            charging,
            // Codes prove a number wherever the engine can send them one.
            settings.provisioning().smsc().map(smsc -> codes),
            inventory,
            settings.provisioning().numberQuarantine(),
            clock);
    orders.takeReturnsThrough(subscriptions.cardReturns());
    ChargingSync chargingSync = subscriptions.chargingSync();
    charging.onUsageThreshold(subscriptions.usageNotices());
    this.orders = orders;
    this.inventory = inventory;
    this.subscriptions = subscriptions;
    this.chargingSync = chargingSync;

    camel.configure().withName("simbundle").withJmxEnabled(false).withShutdownTimeout(10);
    camel
        .configure()
        .httpServer()
        .withEnabled(true)
        .withHost(settings.httpHost())
        .withPort(settings.httpPort());
    camel.configure().rest().withComponent("platform-http");
    // Requests wait on the database (order batches, commits) far more than they compute: more
    // worker threads than Vert.x's 20 let a peak's orders share batches instead of queueing.
    camel.bind("vertxOptions", new VertxOptions().setWorkerPoolSize(HTTP_WORKERS));
    camel.configure().addRoutesBuilder(new ProblemResponses());
    camel.configure().addRoutesBuilder(new ProductCatalogRoutes(catalog));
    camel.configure().addRoutesBuilder(new CatalogAdminRoutes(catalog, settings.admin(), clock));
    camel.configure().addRoutesBuilder(new RulesAdminRoutes(ruleBook, settings.admin()));
    camel.configure().addRoutesBuilder(new RuleShadowRoutes(rules, settings.admin()));
    camel
        .configure()
        .addRoutesBuilder(new QualificationRoutes(catalog, rules, buyerRecords, buyerTypes, clock));
    camel.configure().addRoutesBuilder(new ProductOrderRoutes(orders, settings.admin()));
    camel.configure().addRoutesBuilder(new RefundRoutes(orders, settings.admin()));
    camel.configure().addRoutesBuilder(new ProductInventoryRoutes(subscriptions, settings.admin()));
    ClientAddress addresses = new ClientAddress(settings.security().trustedProxies());
    camel.configure().addRoutesBuilder(new ActivationRoutes(subscriptions, addresses));
    camel.configure().addRoutesBuilder(new InventoryRoutes(inventory, settings.admin()));
    camel.configure().addRoutesBuilder(new WebPageRoutes());
    camel
        .configure()
        .addRoutesBuilder(new ChargingRoutes(charging, catalog, settings.admin(), clock));
    StoreService stores =
        new StoreService(
            provisioningUnit,
            personalData.seal(),
            // Any version that holds the campaign, the newest first: it may be on sale later.
            campaign -> {
              List<CatalogVersion> versions = new ArrayList<>(catalog.timeline().versions());
              Collections.reverse(versions);
              return versions.stream()
                  .flatMap(v -> v.campaign(campaign).stream())
                  .findFirst()
                  .map(c -> c.channels());
            },
            clock);
    SmsChannel sms = smsChannel(camel, provisioningUnit, subscriptions, clock);
    OutboxDelivery outbox =
        new OutboxDelivery(
            provisioningUnit,
            destination ->
                switch (destination.kind()) {
                  case STORE -> stores.endpoint(destination.id());
                  case PARTNER -> partners.endpoint(destination.id());
                  case SUBSCRIBER, PHONE -> Optional.empty(); // reached by SMS, not HTTP
                },
            sms,
            settings.provisioning().delivery(),
            clock);
    this.outbox = outbox;
    this.sms = sms;
    camel.configure().addRoutesBuilder(new OutboxAdminRoutes(outbox, partners, settings.admin()));
    metrics.watchOutbox(() -> outbox.backlog().values().stream().mapToLong(Long::longValue).sum());
    camel.bind("httpRequestMeter", new HttpRequestMeter(metrics.registry()));
    camel
        .configure()
        .addRoutesBuilder(
            new ObservabilityRoutes(metrics, database.dataSource(), charging, sms::health));
    camel.configure().addRoutesBuilder(new StoreAdminRoutes(stores, settings.admin()));
    SelfCare selfCare =
        new SelfCare(
            provisioningUnit,
            codes,
            outboxMessages,
            new AuditTrail(provisioningUnit),
            msisdn ->
                subscriptions.byMsisdn(msisdn).stream()
                    .filter(s -> s.status() == ProductStatus.ACTIVE)
                    .map(Subscription::id)
                    .findFirst(),
            clock);
    camel
        .configure()
        .addRoutesBuilder(
            new SelfCareRoutes(selfCare, subscriptions, catalog, charging, addresses, clock));
    StoreSignatures signatures = new StoreSignatures(stores);
    StoreOrderIntake intake = new StoreOrderIntake(signatures, orders);
    camel.configure().addRoutesBuilder(new StoreRefundRoutes(signatures, orders, clock));
    Reconciliation reconciliation = new Reconciliation(database.dataSource());
    camel
        .configure()
        .addRoutesBuilder(new StoreSelfServiceRoutes(signatures, orders, reconciliation, clock));
    camel
        .configure()
        .addRoutesBuilder(
            new ReconciliationFiles(
                settings.provisioning().orderFiles(),
                stores,
                reconciliation,
                settings.provisioning().jobInterval().toMillis(),
                settings.admin(),
                clock));
    camel
        .configure()
        .addRoutesBuilder(
            new SalesReportRoutes(new SalesReport(database.dataSource()), settings.admin()));
    camel.configure().addRoutesBuilder(new PayerCallbackRoutes(partners, subscriptions, clock));
    camel
        .configure()
        .addRoutesBuilder(
            new PartnerStatementRoutes(
                new PartnerStatements(database.dataSource(), catalog, charging), settings.admin()));
    camel.configure().addRoutesBuilder(new StoreOrderRoutes(intake, clock));
    settings
        .provisioning()
        .kafkaIntake()
        .ifPresent(
            kafka ->
                camel.configure().addRoutesBuilder(new StoreOrderTopicRoute(kafka, intake, clock)));
    camel
        .configure()
        .addRoutesBuilder(
            new OrderFileRoute(
                settings.provisioning().orderFiles(), new OrderFiles(stores, orders)));
    this.retention =
        new DataRetention(
            codes,
            selfCare,
            outbox,
            new SmsSubmissions(provisioningUnit),
            charging,
            settings.provisioning().retention(),
            clock);
    camel
        .configure()
        .addRoutesBuilder(
            new ProvisioningJobs(
                orders,
                chargingSync,
                outbox,
                subscriptions.giftExpiryNotices(),
                inventory,
                subscriptions,
                retention,
                settings.provisioning(),
                clock));
    camel
        .configure()
        .addRoutesBuilder(new PartnerUserCheckRoute(settings.provisioning().partnerCheckTimeout()));
    camel.configure().addRoutesBuilder(new UnmatchedRequests());
    try {
      camel.start();
    } catch (Exception e) {
      throw new IllegalStateException("HTTP server did not start: " + e.getMessage(), e);
    }
    started.push(camel::stop);
    this.camel = camel;
    long httpReady = System.nanoTime();
    log.info(
        "started in {} ms: database and catalog {} ms, rules {} ms more, charging {} ms, HTTP {} ms",
        millis(httpReady - startedAt),
        millis(catalogReady - startedAt),
        millis(rulesReady - catalogReady),
        millis(chargingReady - rulesReady),
        millis(httpReady - chargingReady));
    log.info(
        "simbundle ready: HTTP on {}:{}, Gy on {}:{}, catalog version {}, rule set {}",
        settings.httpHost(),
        settings.httpPort(),
        settings.gy().identity().address(),
        settings.gy().identity().port(),
        catalog.current().version(),
        ruleBook.current().version());
  }

  /** The running Camel context's template: the engine's routes to stores, partners and the SMSC. */
  private static ProducerTemplate camelTemplate(Main camel) {
    try {
      return camel.getCamelTemplate();
    } catch (Exception e) {
      throw new IllegalStateException("Camel is not running", e);
    }
  }

  /**
   * Subscribers' SMS: through the SMSC configured, its delivery receipts recorded and an
   * undelivered text tried again through the outbox; without an SMSC they wait.
   */
  private SmsChannel smsChannel(
      Main camel,
      PersistenceUnit provisioningUnit,
      SubscriptionService subscriptions,
      Clock clock) {
    SmsSubmissions submitted = new SmsSubmissions(provisioningUnit);
    Optional<SmscSettings> smsc = settings.provisioning().smsc();
    Optional<SmppLink> link =
        smsc.map(
            configured ->
                new SmppLink(
                    configured,
                    (id, state) ->
                        submitted
                            .receipt(id, state, clock.instant())
                            .ifPresent(
                                message ->
                                    outbox.failedAfterDelivery(
                                        message, "the SMSC's receipt says " + state))));
    link.ifPresent(
        l -> {
          started.push(l);
          camel.configure().addRoutesBuilder(new SmsRoute(l));
        });
    return new SmsChannel(
        smsc,
        link,
        () -> camelTemplate(camel),
        productId -> subscriptions.find(productId).map(Subscription::msisdn),
        () -> catalog.current().notices(),
        submitted,
        clock);
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }

  /** Subscribers' SMS: what was sent and what the receipts said. */
  public SmsChannel sms() {
    return sms;
  }

  public ChargingFunction charging() {
    return charging;
  }

  public OrderService orders() {
    return orders;
  }

  public Inventory inventory() {
    return inventory;
  }

  public SubscriptionService subscriptions() {
    return subscriptions;
  }

  public OutboxDelivery outbox() {
    return outbox;
  }

  /** The retention job, for tests that run it at a time of their choosing. */
  DataRetention retention() {
    return retention;
  }

  public ChargingSync chargingSync() {
    return chargingSync;
  }

  /** Every REST operation the HTTP server takes, as {@code METHOD /path/{param}}. */
  public List<String> restOperations() {
    return PluginHelper.getRestRegistry(camel.getCamelContext()).listAllRestServices().stream()
        .map(
            service ->
                service.getMethod().toUpperCase(Locale.ROOT)
                    + " "
                    + (service.getBaseUrl().replaceFirst("^[a-z]+://[^/]*", "")
                            + Objects.toString(service.getUriTemplate(), ""))
                        .replaceAll("/+", "/"))
        .sorted()
        .toList();
  }

  public CatalogService catalog() {
    return catalog;
  }

  public int httpPort() {
    return settings.httpPort();
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        log.warn("error while stopping: {}", e.getMessage(), e);
      }
    }
  }
}
