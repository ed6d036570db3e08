package io.simbundle.provisioning.channels.http;

import io.simbundle.platform.json.Json;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Sets an exchange up as an HTTP response with only the headers the response should carry. */
public final class HttpResponses {

  private HttpResponses() {}

  public static void json(Exchange exchange, int status, Object body) {
    json(exchange, status, body, Map.of());
  }

  /**
   * Replaces the message's headers (which still hold the request's) with the status, the JSON
   * content type and {@code headers}, and writes {@code body} as JSON.
   */
  public static void json(Exchange exchange, int status, Object body, Map<String, Object> headers) {
    write(exchange, status, "application/json", Json.write(body), headers);
  }

  public static void write(
      Exchange exchange, int status, String contentType, String body, Map<String, Object> headers) {
    Message message = exchange.getMessage();
    Map<String, Object> responseHeaders = new HashMap<>(headers);
    responseHeaders.put(Exchange.HTTP_RESPONSE_CODE, status);
    responseHeaders.put(Exchange.CONTENT_TYPE, contentType);
    message.setHeaders(responseHeaders);
    message.setBody(body);
  }

  /** The request path without its query, for a problem's {@code instance}. */
  public static String requestPath(Exchange exchange) {
    String uri = exchange.getIn().getHeader(Exchange.HTTP_URI, String.class);
    if (uri == null) {
      String path = exchange.getIn().getHeader(Exchange.HTTP_PATH, String.class);
      return path == null ? "" : path;
    }
    int query = uri.indexOf('?');
    return query < 0 ? uri : uri.substring(0, query);
  }
}
