package io.simbundle.provisioning.subscription;

import java.util.List;
import java.util.Objects;

/**
 * A subscriber activates their card.
 *
 * @param orderCodeOrIccid the order code from the store, or the ICCID printed on the card
 * @param name the holder's real name (personal data)
 * @param idNumber the holder's resident ID number (personal data, never logged)
 * @param chosenPrivileges the privileges picked from the card's menu
 */
public record ActivationRequest(
    String orderCodeOrIccid, String name, String idNumber, List<String> chosenPrivileges) {

  public ActivationRequest {
    Objects.requireNonNull(orderCodeOrIccid);
    Objects.requireNonNull(name);
    Objects.requireNonNull(idNumber);
    chosenPrivileges = List.copyOf(chosenPrivileges);
  }

  @Override
  public String toString() {
    return "ActivationRequest[" + orderCodeOrIccid + ", " + chosenPrivileges + ", holder hidden]";
  }
}
