package io.simbundle.catalog.store;

import io.simbundle.catalog.file.CatalogFile;
import io.simbundle.platform.database.Database;
import io.simbundle.platform.database.ModuleSchema;
import io.simbundle.platform.database.PersistenceUnit;
import java.time.Clock;
import java.util.List;

/**
 * The catalog's tables: every published version, append-only. A version label that is already
 * stored is never written again, so nothing a subscriber bought under can change underneath it.
 */
public final class CatalogStore implements AutoCloseable {

  /** The catalog module's tables and migrations. */
  public static final ModuleSchema SCHEMA = new ModuleSchema("catalog");

  private static final List<Class<?>> ENTITIES =
      List.of(
          CatalogVersionEntity.class,
          PartnerEntity.class,
          ProductOfferingEntity.class,
          PrivilegeEntity.class,
          PresaleCampaignEntity.class);

  private final PersistenceUnit persistence;
  private final Clock clock;

  private CatalogStore(PersistenceUnit persistence, Clock clock) {
    this.persistence = persistence;
    this.clock = clock;
  }

  /** Migrates the catalog tables and opens the store on them. */
  public static CatalogStore open(Database database, Clock clock) {
    database.migrate(SCHEMA);
    return new CatalogStore(PersistenceUnit.create(database, SCHEMA, ENTITIES), clock);
  }

  /** Every stored version with its source and checksum, oldest effective date first. */
  public List<CatalogFile> loadAll() {
    return persistence.call(
        em -> {
          List<CatalogVersionEntity> versions =
              em.createQuery(
                      "select v from CatalogVersionEntity v order by v.effectiveFrom, v.id",
                      CatalogVersionEntity.class)
                  .getResultList();
          return versions.stream().map(CatalogEntityMapping::toDomain).toList();
        });
  }

  /**
   * Stores a new version in one transaction.
   *
   * @throws jakarta.persistence.PersistenceException when its label is already stored (the unique
   *     key decides, not a prior read)
   */
  public void store(CatalogFile file) {
    persistence.run(em -> em.persist(CatalogEntityMapping.toEntity(file, clock.instant())));
  }

  @Override
  public void close() {
    persistence.close();
  }
}
