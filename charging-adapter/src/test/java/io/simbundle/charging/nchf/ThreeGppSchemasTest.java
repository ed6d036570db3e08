package io.simbundle.charging.nchf;

import static io.simbundle.charging.nchf.NchfClient.request;
import static io.simbundle.charging.nchf.NchfClient.unit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The schema check the Nchf tests rely on tells a body 3GPP allows from one it does not. */
class ThreeGppSchemasTest {

  @Test
  void theTestSmfsRequestIsAValidChargingDataRequest() {
    ObjectNode body = unit(unit(request("8618600000001", 1, 1), 1000, 1024, 0), 10, 0, 4096);

    assertThat(ThreeGppSchemas.errors("ChargingDataRequest", body.toString())).isEmpty();
  }

  @Test
  void aRequestWithoutItsMandatoryFieldsOrWithWrongTypesIsNot() {
    ObjectNode noSequence = request("8618600000001", 1, 1);
    noSequence.remove("invocationSequenceNumber");
    ObjectNode textGroup = unit(request("8618600000001", 1, 1), 10, 1024, 0);
    ((ObjectNode) textGroup.get("multipleUnitUsage").get(0)).put("ratingGroup", "ten");
    ObjectNode badTime = request("8618600000001", 1, 1);
    badTime.put("invocationTimeStamp", "yesterday");
    ObjectNode negativeVolume = unit(request("8618600000001", 1, 1), 10, 0, 4096);
    ((ObjectNode) negativeVolume.at("/multipleUnitUsage/0/usedUnitContainer/0"))
        .put("uplinkVolume", -5);
    ObjectNode hostnameAsUpf = unit(request("8618600000001", 1, 1), 10, 1024, 0);
    ((ObjectNode) hostnameAsUpf.get("multipleUnitUsage").get(0)).put("uPFID", "upf-1");

    assertThat(ThreeGppSchemas.errors("ChargingDataRequest", noSequence.toString()))
        .anyMatch(error -> error.contains("invocationSequenceNumber"));
    assertThat(ThreeGppSchemas.errors("ChargingDataRequest", textGroup.toString()))
        .anyMatch(error -> error.contains("ratingGroup"));
    assertThat(ThreeGppSchemas.errors("ChargingDataRequest", badTime.toString()))
        .anyMatch(error -> error.contains("invocationTimeStamp"));
    assertThat(ThreeGppSchemas.errors("ChargingDataRequest", negativeVolume.toString()))
        .anyMatch(error -> error.contains("uplinkVolume"));
    assertThat(ThreeGppSchemas.errors("ChargingDataRequest", hostnameAsUpf.toString()))
        .as("an NfInstanceId is a UUID")
        .anyMatch(error -> error.contains("uPFID"));
  }

  @Test
  void anAnswerAndAProblemAreCheckedAgainstTheirOwnSchemas() {
    String answer =
        "{\"invocationTimeStamp\":\"2026-11-23T08:00:00Z\",\"invocationSequenceNumber\":1,"
            + "\"multipleUnitInformation\":[{\"resultCode\":\"SUCCESS\",\"ratingGroup\":10,"
            + "\"grantedUnit\":{\"totalVolume\":1024},\"validityTime\":1800}]}";
    String textValidity = answer.replace("1800", "\"half an hour\"");
    String problem = "{\"status\":400,\"cause\":\"MANDATORY_IE_MISSING\",\"detail\":\"x\"}";

    assertThat(ThreeGppSchemas.errors("ChargingDataResponse", answer)).isEmpty();
    assertThat(ThreeGppSchemas.errors("ChargingDataResponse", textValidity))
        .anyMatch(error -> error.contains("validityTime"));
    assertThat(ThreeGppSchemas.errors("ProblemDetails", problem)).isEmpty();
    assertThat(ThreeGppSchemas.errors("ProblemDetails", "{\"status\":\"bad\"}"))
        .anyMatch(error -> error.contains("status"));
  }
}
