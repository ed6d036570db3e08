package io.simbundle.platform.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay between a client and a server, as the network between them: {@link #cut()}
 * breaks every connection through it at once with a reset, as a failed link does, while the relay
 * keeps accepting new connections.
 */
public final class TcpRelay implements AutoCloseable {

  private final ServerSocket listener;
  private final int target;
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  private TcpRelay(ServerSocket listener, int target) {
    this.listener = listener;
    this.target = target;
  }

  /** A relay on a free loopback port to {@code 127.0.0.1:target}. */
  public static TcpRelay to(int target) {
    try {
      ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      TcpRelay relay = new TcpRelay(listener, target);
      Thread acceptor = new Thread(relay::accept, "tcp-relay-" + listener.getLocalPort());
      acceptor.setDaemon(true);
      acceptor.start();
      return relay;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return listener.getLocalPort();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
        open.add(client);
        open.add(server);
        pump(client, server);
        pump(server, client);
      } catch (IOException e) {
        // Closed, or the server refused: the client sees its connection end.
      }
    }
  }

  private static void pump(Socket from, Socket to) throws IOException {
    InputStream in = from.getInputStream();
    OutputStream out = to.getOutputStream();
    Thread pump =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
                to.shutdownOutput();
              } catch (IOException e) {
                // The connection was cut.
              }
            },
            "tcp-relay-pump");
    pump.setDaemon(true);
    pump.start();
  }

  /** Resets every connection through the relay; new ones are still taken. */
  public void cut() {
    for (Socket socket : open) {
      try {
        socket.setSoLinger(true, 0);
        socket.close();
      } catch (IOException e) {
        // Already gone.
      }
    }
    open.clear();
  }

  @Override
  public void close() {
    cut();
    try {
      listener.close();
    } catch (IOException e) {
      // Closing anyway.
    }
  }
}
