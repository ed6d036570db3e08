package io.simbundle.provisioning.sales.inventory;

import java.util.List;

/**
 * What an inventory import did.
 *
 * @param batchId the batch the imported lines belong to
 * @param linesRead data lines read (the header is not counted)
 * @param imported lines now in the inventory
 * @param rejected the other lines, in file order
 */
public record ImportReport(
    long batchId,
    InventoryKind kind,
    String source,
    int linesRead,
    int imported,
    List<RejectedLine> rejected) {

  public ImportReport {
    rejected = List.copyOf(rejected);
  }
}
