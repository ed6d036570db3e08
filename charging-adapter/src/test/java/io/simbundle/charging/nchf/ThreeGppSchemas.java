package io.simbundle.charging.nchf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 3GPP's own OpenAPI 3.0 schemas of Nchf_ConvergedCharging v3 (TS 32.291 Release 17, with the TS
 * 29.571 common data), as test resources, and a validator for bodies against them.
 *
 * <p>The two files are kept unchanged; a reference from them into another specification's file
 * (policy control, NRM, ...) is read as "anything", so what the CHF reads and writes is checked
 * field by field and those other specifications are not needed.
 */
public final class ThreeGppSchemas {

  /** Where the files are found, as the base of their relative references. */
  private static final String BASE = "https://schemas.simbundle.test/3gpp/Rel-17/";

  private static final String CONVERGED_CHARGING = "TS32291_Nchf_ConvergedCharging.yaml";
  private static final String COMMON_DATA = "TS29571_CommonData.yaml";
  private static final Set<String> KEPT = Set.of(CONVERGED_CHARGING, COMMON_DATA);

  /** The components used here that TS 29.571 defines, not TS 32.291. */
  private static final Set<String> COMMON = Set.of("ProblemDetails", "RedirectResponse");

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          Dialects.getOpenApi30(), builder -> builder.schemas(documents()));

  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private ThreeGppSchemas() {}

  /**
   * The errors of {@code json} against a schema of TS 32.291's components, e.g. {@code
   * ChargingDataRequest}, or of TS 29.571's common ones ({@code ProblemDetails}, {@code
   * RedirectResponse}); empty when it is valid.
   */
  public static List<String> errors(String component, String json) {
    Schema schema =
        SCHEMAS.computeIfAbsent(
            component,
            name ->
                REGISTRY.getSchema(
                    SchemaLocation.of(
                        BASE
                            + (COMMON.contains(name) ? COMMON_DATA : CONVERGED_CHARGING)
                            + "#/components/schemas/"
                            + name)));
    return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
  }

  /** Throws, naming every error, unless {@code json} is a valid {@code component}. */
  public static void assertValid(String component, String json) {
    List<String> errors = errors(component, json);
    if (!errors.isEmpty()) {
      throw new AssertionError(
          "not a valid " + component + " of TS 32.291 v3: " + errors + " in " + json);
    }
  }

  /** The kept files as JSON text by their IRI, with references into other files made open. */
  private static Map<String, String> documents() {
    ObjectMapper yaml = new YAMLMapper();
    Map<String, String> documents = new HashMap<>();
    for (String file : KEPT) {
      try (InputStream in = ThreeGppSchemas.class.getResourceAsStream("/3gpp/Rel-17/" + file)) {
        if (in == null) {
          throw new IllegalStateException("missing test resource /3gpp/Rel-17/" + file);
        }
        JsonNode document = yaml.readTree(in);
        openForeignReferences(document);
        documents.put(BASE + file, document.toString());
      } catch (IOException e) {
        throw new UncheckedIOException(file, e);
      }
    }
    return documents;
  }

  /** Replaces each {@code $ref} into a file not kept by an empty schema, which matches anything. */
  private static void openForeignReferences(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isTextual() && isForeign(ref.asText())) {
        object.removeAll();
        return;
      }
      for (Iterator<JsonNode> children = object.elements(); children.hasNext(); ) {
        openForeignReferences(children.next());
      }
    } else if (node.isArray()) {
      node.forEach(ThreeGppSchemas::openForeignReferences);
    }
  }

  private static boolean isForeign(String ref) {
    int hash = ref.indexOf('#');
    String file = hash < 0 ? ref : ref.substring(0, hash);
    return !file.isEmpty() && !KEPT.contains(file);
  }
}
