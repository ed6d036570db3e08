package io.simbundle.platform.database;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * One module's Hibernate persistence unit over the shared pool. Hibernate validates the mapped
 * entities against the tables the module's migrations created, so a drift fails at start-up.
 */
public final class PersistenceUnit implements AutoCloseable {

  private final EntityManagerFactory factory;

  /** The transaction each thread is running in this unit, for the parts that join it. */
  private final ThreadLocal<EntityManager> running = new ThreadLocal<>();

  private final String name;

  private PersistenceUnit(String name, EntityManagerFactory factory) {
    this.name = name;
    this.factory = factory;
  }

  public static PersistenceUnit create(
      Database database, ModuleSchema schema, List<Class<?>> entities) {
    HibernatePersistenceConfiguration configuration =
        new HibernatePersistenceConfiguration(schema.module())
            .managedClasses(entities)
            .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, database.dataSource())
            .property(AvailableSettings.DIALECT, database.hibernateDialect())
            // Connector/J's keyword lookup fails on MariaDB; the dialect is known without it.
            .property(AvailableSettings.ALLOW_METADATA_ON_BOOT, false)
            .property(AvailableSettings.HBM2DDL_AUTO, "validate")
            .property(AvailableSettings.JDBC_TIME_ZONE, "UTC")
            .property(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
            .property(AvailableSettings.ORDER_INSERTS, true)
            .property(AvailableSettings.SHOW_SQL, false);
    return new PersistenceUnit(schema.module(), configuration.createEntityManagerFactory());
  }

  /**
   * Runs {@code work} in one transaction and returns its result; rolls back on any failure. While
   * it runs, {@link #transaction()} on this thread is its transaction.
   */
  public <T> T call(Function<EntityManager, T> work) {
    return factory.callInTransaction(
        em -> {
          EntityManager outer = running.get();
          running.set(em);
          try {
            return work.apply(em);
          } finally {
            if (outer == null) {
              running.remove();
            } else {
              running.set(outer);
            }
          }
        });
  }

  /** Runs {@code work} in one transaction; rolls back on any failure. */
  public void run(Consumer<EntityManager> work) {
    call(
        em -> {
          work.accept(em);
          return null;
        });
  }

  /**
   * The transaction this thread is running in this unit, for a part that must write in the same
   * transaction as its caller (an outbox message with the change it announces) without the caller
   * handing its entity manager across.
   *
   * @throws IllegalStateException outside {@link #call} and {@link #run}
   */
  public EntityManager transaction() {
    EntityManager em = running.get();
    if (em == null) {
      throw new IllegalStateException("not inside a transaction of the " + name + " unit");
    }
    return em;
  }

  @Override
  public void close() {
    factory.close();
  }
}
