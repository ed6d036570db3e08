package io.simbundle.provisioning.benchmark;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A lean HTTP/1.1 client for load generation: one keep-alive connection per calling thread, the
 * request written in one go, the response read by its Content-Length or chunks. The JDK's client
 * spends more of a two-core machine than the engine it loads; this one leaves the cores to the
 * engine, so the figures describe the engine.
 */
final class KeepAliveHttp implements AutoCloseable {

  record Response(int status, String body) {}

  private final InetSocketAddress address;
  private final ThreadLocal<Connection> connections = new ThreadLocal<>();
  private final java.util.Set<Connection> all = java.util.concurrent.ConcurrentHashMap.newKeySet();

  KeepAliveHttp(String host, int port) {
    this.address = new InetSocketAddress(host, port);
  }

  Response post(String path, Map<String, String> headers, String body) throws IOException {
    Connection connection = connections.get();
    if (connection == null) {
      connection = new Connection(address);
      connections.set(connection);
      all.add(connection);
    }
    try {
      return connection.exchange(path, headers, body.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      connection.close();
      all.remove(connection);
      connections.remove();
      throw e;
    }
  }

  @Override
  public void close() {
    all.forEach(Connection::close);
  }

  private static final class Connection {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String host;

    Connection(InetSocketAddress address) throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(address, 5000);
      socket.setSoTimeout(60_000);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      host = address.getHostString() + ":" + address.getPort();
    }

    Response exchange(String path, Map<String, String> headers, byte[] body) throws IOException {
      StringBuilder head = new StringBuilder(512);
      head.append("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
      byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
      byte[] request = new byte[headBytes.length + body.length];
      System.arraycopy(headBytes, 0, request, 0, headBytes.length);
      System.arraycopy(body, 0, request, headBytes.length, body.length);
      out.write(request);
      out.flush();
      return read();
    }

    private Response read() throws IOException {
      String statusLine = line();
      int status = Integer.parseInt(statusLine.substring(9, 12));
      int length = -1;
      boolean chunked = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        String lower = header.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(lower.substring(15).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        }
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream(Math.max(length, 256));
      if (chunked) {
        for (int size = Integer.parseInt(line().trim(), 16); size > 0; ) {
          body.write(in.readNBytes(size));
          line();
          size = Integer.parseInt(line().trim(), 16);
        }
        line();
      } else if (length > 0) {
        body.write(in.readNBytes(length));
      }
      return new Response(status, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder(64);
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new IOException("connection closed by the engine");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing a connection the engine closed already: nothing to do.
      }
    }
  }
}
