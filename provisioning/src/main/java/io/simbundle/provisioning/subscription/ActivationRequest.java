package io.simbundle.provisioning.subscription;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A subscriber activates their card.
 *
 * @param orderCodeOrIccid the order code from the store, or the ICCID printed on the card
 * @param name the holder's real name (personal data)
 * @param idNumber the holder's resident ID number (personal data, never logged)
 * @param chosenPrivileges the privileges picked from the card's menu
 * @param code the code sent by SMS to the card's number, where codes are required
 */
public record ActivationRequest(
    String orderCodeOrIccid,
    String name,
    String idNumber,
    List<String> chosenPrivileges,
    Optional<String> code) {

  public ActivationRequest {
    Objects.requireNonNull(orderCodeOrIccid);
    Objects.requireNonNull(name);
    Objects.requireNonNull(idNumber);
    chosenPrivileges = List.copyOf(chosenPrivileges);
    Objects.requireNonNull(code);
  }

  /** A request without a code, where none is required. */
  public ActivationRequest(
      String orderCodeOrIccid, String name, String idNumber, List<String> chosenPrivileges) {
    this(orderCodeOrIccid, name, idNumber, chosenPrivileges, Optional.empty());
  }

  @Override
  public String toString() {
    return "ActivationRequest[" + orderCodeOrIccid + ", " + chosenPrivileges + ", holder hidden]";
  }
}
