package io.simbundle.provisioning.sales.inventory;

import java.util.List;

/** What an inventory file holds, and the columns it must have. */
public enum InventoryKind {
  SIM_CARD("simCard", List.of("iccid", "imsi", "province")),
  PHONE_NUMBER("phoneNumber", List.of("msisdn", "province"));

  private final String apiName;
  private final List<String> columns;

  InventoryKind(String apiName, List<String> columns) {
    this.apiName = apiName;
    this.columns = columns;
  }

  public String apiName() {
    return apiName;
  }

  public List<String> columns() {
    return columns;
  }
}
