package io.simbundle.charging.gy.guard;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.OptionalLong;

/**
 * One peer's connection through the guard, and the loopback connection to the Diameter stack that
 * stands for it once the peer's CER is whole. The peer's bytes reach the stack only as whole
 * messages of a valid length; the stack's bytes go back as they come. Each direction holds at most
 * one read's worth of bytes (or one message, if longer) and stops reading while its last bytes are
 * not yet written on: a slow reader slows its writer instead of filling memory.
 */
final class GuardedConnection {

  /** Where the capabilities exchange stands. */
  enum State {
    /** Nothing whole read yet: the first message must be a CER. */
    AWAITING_CER,
    /** The CER went to the stack; the peer is unopened until a CEA with 2001 comes back. */
    AWAITING_CEA,
    /** Capabilities exchanged: the peer's messages are still framed, the stack's passed on raw. */
    OPEN
  }

  /** Why a connection ends. */
  enum Ending {
    PEER_CLOSED,
    STACK_CLOSED,
    NOT_A_CER,
    BAD_MESSAGE,
    NO_CAPABILITIES_EXCHANGE,
    STACK_UNREACHABLE,
    GUARD_STOPPED
  }

  /** The guard's side of the bargain: where the stack is, and who counts what. */
  interface Guard {
    PeerLimits limits();

    InetSocketAddress stack();

    /** The local IPv4 address the peer connected to, named in the CEA in place of loopback. */
    byte[] publicAddress(SocketChannel peer);

    String host();

    String realm();

    void opened(GuardedConnection connection);

    /** The connection was refused and waits for its peer to close; end it if it does not. */
    void lingering(GuardedConnection connection);

    void ended(GuardedConnection connection, Ending why);
  }

  private static final int INITIAL_BUFFER_BYTES = 16 * 1024;
  private static final int LINGER_BUFFER_BYTES = 4 * 1024;

  private final Guard guard;
  private final Selector selector;
  private final SocketChannel peer;
  private final SelectionKey peerKey;
  private final long deadlineNanos;
  private SocketChannel stack;
  private SelectionKey stackKey;
  private State state = State.AWAITING_CER;
  private boolean ended;

  /** Refused: the answer is written, what the peer still sends is dropped until it closes. */
  private boolean lingering;

  /** Bytes read from the peer (write mode); [0, framed) are whole messages, [0, sent) sent on. */
  private ByteBuffer fromPeer = ByteBuffer.allocate(INITIAL_BUFFER_BYTES);

  private int framed;
  private int sent;

  /** Bytes read from the stack (write mode); [0, relayed) are written to the peer. */
  private ByteBuffer fromStack = ByteBuffer.allocate(INITIAL_BUFFER_BYTES);

  private int relayed;

  /** Whether the stack's first message (its CEA) was read whole: from then on its bytes go on. */
  private boolean capabilitiesAnswered;

  GuardedConnection(Guard guard, Selector selector, SocketChannel peer, long deadlineNanos)
      throws IOException {
    this.guard = guard;
    this.selector = selector;
    this.peer = peer;
    this.deadlineNanos = deadlineNanos;
    peer.configureBlocking(false);
    this.peerKey = peer.register(selector, SelectionKey.OP_READ, new Side(this, this::peerReady));
  }

  /** Called by the selector loop with the key of one of the connection's two channels. */
  interface Ready {
    void ready(SelectionKey key) throws IOException;
  }

  /** What each of the connection's two selection keys carries. */
  record Side(GuardedConnection connection, Ready ready) {}

  long deadlineNanos() {
    return deadlineNanos;
  }

  private void peerReady(SelectionKey key) throws IOException {
    if (key.isWritable()) {
      relayToPeer();
    }
    if (!ended && key.isValid() && key.isReadable()) {
      readPeer();
    }
  }

  private void stackReady(SelectionKey key) throws IOException {
    if (key.isConnectable()) {
      try {
        stack.finishConnect();
      } catch (IOException e) {
        end(Ending.STACK_UNREACHABLE);
        return;
      }
      interest();
      sendToStack();
      return;
    }
    if (key.isWritable()) {
      sendToStack();
    }
    if (!ended && key.isValid() && key.isReadable()) {
      readStack();
    }
  }

  private void readPeer() throws IOException {
    if (lingering) {
      drainPeer();
      return;
    }
    if (peer.read(fromPeer) < 0) {
      end(Ending.PEER_CLOSED);
      return;
    }
    while (fromPeer.position() - framed >= DiameterFrames.HEADER_BYTES) {
      DiameterFrames.Header header = DiameterFrames.Header.at(fromPeer, framed);
      OptionalLong refused = header.framingError(guard.limits().maxMessageBytes());
      if (refused.isPresent()) {
        refuse(header, refused.getAsLong());
        return;
      }
      if (state == State.AWAITING_CER && framed == 0 && !header.isCapabilitiesExchangeRequest()) {
        // RFC 6733 5.3: nothing but a CER comes first from a peer not yet known.
        end(Ending.NOT_A_CER);
        return;
      }
      if (fromPeer.position() - framed < header.length()) {
        makeRoomFor(header.length());
        break;
      }
      framed += header.length();
    }
    if (framed > 0 && stack == null) {
      state = State.AWAITING_CEA;
      connectStack();
    }
    sendToStack();
  }

  /**
   * Answers a message that cannot be taken, when it is a request, and ends the connection: the
   * stack's side at once, the peer's once it has stopped sending. Closing a socket with unread
   * bytes resets it, and a reset can destroy the answer before the peer reads it; so what the peer
   * still sends is read and dropped for a short while first.
   */
  private void refuse(DiameterFrames.Header header, long resultCode) throws IOException {
    if (header.isRequest()) {
      ByteBuffer answer =
          DiameterFrames.errorAnswer(header, resultCode, guard.host(), guard.realm());
      // Small enough for the socket's buffer; a peer that reads nothing just misses it.
      peer.write(answer);
    }
    peer.shutdownOutput();
    if (stack != null) {
      closeQuietly(stackKey, stack);
      stack = null;
    }
    lingering = true;
    fromPeer = ByteBuffer.allocate(LINGER_BUFFER_BYTES);
    peerKey.interestOps(SelectionKey.OP_READ);
    guard.lingering(this);
  }

  /** Drops what a refused peer still sends, until it closes (or the guard's deadline). */
  private void drainPeer() throws IOException {
    fromPeer.clear();
    if (peer.read(fromPeer) < 0) {
      end(Ending.BAD_MESSAGE);
    }
  }

  /** Ends a refused connection whose peer would not stop sending. */
  void stopLingering() {
    end(Ending.BAD_MESSAGE);
  }

  /** Grows the peer buffer so that a message of {@code length} bytes fits after what is framed. */
  private void makeRoomFor(int length) {
    int needed = framed + length;
    if (needed > fromPeer.capacity()) {
      ByteBuffer larger = ByteBuffer.allocate(needed);
      fromPeer.flip();
      larger.put(fromPeer);
      fromPeer = larger;
    }
  }

  private void connectStack() throws IOException {
    stack = SocketChannel.open();
    stack.configureBlocking(false);
    stackKey = stack.register(selector, 0, new Side(this, this::stackReady));
    try {
      if (!stack.connect(guard.stack())) {
        stackKey.interestOps(SelectionKey.OP_CONNECT);
      }
    } catch (IOException e) {
      end(Ending.STACK_UNREACHABLE);
    }
  }

  private void sendToStack() throws IOException {
    if (ended || stack == null || !stack.isConnected()) {
      return;
    }
    if (sent < framed) {
      ByteBuffer whole = fromPeer.duplicate();
      whole.position(sent).limit(framed);
      sent += stack.write(whole);
    }
    if (sent == framed && framed > 0) {
      // Everything whole is sent on: keep only the start of the next message.
      fromPeer.flip().position(framed);
      fromPeer.compact();
      framed = 0;
      sent = 0;
    }
    interest();
  }

  private void readStack() throws IOException {
    if (stack.read(fromStack) < 0) {
      end(Ending.STACK_CLOSED);
      return;
    }
    if (!capabilitiesAnswered && !inspectCapabilitiesAnswer()) {
      return;
    }
    relayToPeer();
  }

  /**
   * Looks at the stack's first message, its CEA, once it is whole: the peer is open when it says
   * 2001. Returns whether the bytes read may be relayed.
   */
  private boolean inspectCapabilitiesAnswer() {
    if (fromStack.position() < DiameterFrames.HEADER_BYTES) {
      return false;
    }
    DiameterFrames.Header header = DiameterFrames.Header.at(fromStack, 0);
    if (fromStack.position() < header.length()) {
      if (header.length() > fromStack.capacity()) {
        ByteBuffer larger = ByteBuffer.allocate(header.length());
        fromStack.flip();
        fromStack = larger.put(fromStack);
      }
      return false;
    }
    capabilitiesAnswered = true;
    if (!header.isRequest() && header.command() == DiameterFrames.CAPABILITIES_EXCHANGE) {
      DiameterFrames.replaceHostIpAddresses(fromStack, 0, header, guard.publicAddress(peer));
      if (DiameterFrames.resultCode(fromStack, 0, header).orElse(0) == DiameterFrames.SUCCESS) {
        state = State.OPEN;
        guard.opened(this);
      }
    }
    return true;
  }

  private void relayToPeer() throws IOException {
    if (ended || lingering) {
      return;
    }
    if (relayed < fromStack.position()) {
      ByteBuffer pending = fromStack.duplicate();
      pending.position(relayed).limit(fromStack.position());
      relayed += peer.write(pending);
    }
    if (relayed == fromStack.position()) {
      fromStack.clear();
      relayed = 0;
    }
    interest();
  }

  /**
   * Reads a side only while nothing it sent is still waiting to be written to the other side: the
   * peer while no whole message of its is unsent (and the stack is not being dialled), the stack
   * while the peer has taken all it sent.
   */
  private void interest() {
    if (ended || lingering) {
      return;
    }
    boolean toPeerPending = capabilitiesAnswered && relayed < fromStack.position();
    peerKey.interestOps(
        (framed == 0 ? SelectionKey.OP_READ : 0) | (toPeerPending ? SelectionKey.OP_WRITE : 0));
    if (stack != null && stack.isConnected()) {
      stackKey.interestOps(
          (toPeerPending ? 0 : SelectionKey.OP_READ) | (sent < framed ? SelectionKey.OP_WRITE : 0));
    }
  }

  /** Closes both sides; the guard learns why. */
  void end(Ending why) {
    if (ended) {
      return;
    }
    ended = true;
    closeQuietly(peerKey, peer);
    if (stack != null) {
      closeQuietly(stackKey, stack);
    }
    guard.ended(this, why);
  }

  private static void closeQuietly(SelectionKey key, SocketChannel channel) {
    if (key != null) {
      key.cancel();
    }
    try {
      channel.close();
    } catch (IOException e) {
      // Closing is all that is left to do.
    }
  }
}
