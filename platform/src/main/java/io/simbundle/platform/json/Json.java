package io.simbundle.platform.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The one JSON mapping of the engine, for the HTTP API, stored JSON columns and outbox messages
 * alike: ISO-8601 times, {@code Optional} as its value or null, unknown properties refused when
 * reading into a type. One mapping, so that what one module writes another reads the same way.
 */
public final class Json {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private Json() {}

  /** The shared mapper; thread-safe, never to be reconfigured. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** {@code value} as JSON text. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON for " + value.getClass(), e);
    }
  }

  /** {@code value} as UTF-8 JSON bytes. */
  public static byte[] writeBytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON for " + value.getClass(), e);
    }
  }

  /**
   * Reads JSON the engine stored itself.
   *
   * @throws IllegalStateException when it is not readable as {@code type}: stored data is corrupt
   */
  public static <T> T readStored(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
    }
  }

  /**
   * Reads JSON the engine stored itself, into a generic type such as a list of records.
   *
   * @throws IllegalStateException when it is not readable as {@code type}: stored data is corrupt
   */
  public static <T> T readStored(String json, TypeReference<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored " + type.getType() + " is unreadable", e);
    }
  }

  /**
   * Reads JSON the engine stored itself.
   *
   * @throws IllegalStateException when it is not readable as {@code type}: stored data is corrupt
   */
  public static <T> T readStored(byte[] json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
    }
  }
}
