package io.simbundle.catalog.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads and validates catalog files (YAML, or JSON when the name ends in {@code .json}).
 *
 * <p>Every problem in a file is reported at once, each naming the file, the line and the path
 * inside the document; a file with any problem yields no catalog version.
 */
public final class CatalogFileReader {

  private static final int MAX_BYTES = 4 * 1024 * 1024;

  public CatalogFile read(Path file) {
    try {
      return read(file.getFileName().toString(), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read catalog file " + file, e);
    }
  }

  /**
   * Validates one file's content.
   *
   * @throws InvalidCatalogException with every problem found
   */
  public CatalogFile read(String name, byte[] content) {
    if (content.length > MAX_BYTES) {
      throw invalid(name, 0, "file is larger than " + MAX_BYTES + " bytes");
    }
    String text = decodeUtf8(name, content);
    ObjectMapper reader = readerFor(name);
    JsonNode root = parse(name, reader, text);
    DocumentCursor cursor = new DocumentCursor(name, SourceLines.index(reader.getFactory(), text));
    Optional<io.simbundle.catalog.version.CatalogVersion> version =
        new CatalogDocumentReader(cursor).read(root);
    if (version.isEmpty()) {
      throw new InvalidCatalogException(cursor.problems());
    }
    return new CatalogFile(name, sha256(content), version.get());
  }

  // Readers of catalog files only, apart from the engine's one JSON mapping (platform Json): they
  // read YAML too, and refuse a key given twice — almost always a copy-paste slip that would
  // silently drop a value.
  private static final ObjectMapper JSON_FILES =
      new ObjectMapper(
          JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
  private static final ObjectMapper YAML_FILES =
      new ObjectMapper(
          YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  private static ObjectMapper readerFor(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON_FILES : YAML_FILES;
  }

  private static JsonNode parse(String name, ObjectMapper reader, String text) {
    try {
      JsonNode root = reader.readTree(text);
      if (root == null || root.isMissingNode()) {
        throw invalid(name, 0, "file is empty");
      }
      return root;
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw invalid(name, line, "not well-formed: " + e.getOriginalMessage());
    }
  }

  private static String decodeUtf8(String name, byte[] content) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      throw invalid(name, 0, "file is not UTF-8 text");
    }
  }

  private static InvalidCatalogException invalid(String name, int line, String message) {
    return new InvalidCatalogException(
        List.of(new CatalogProblem(name, line, "(document)", message)));
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
