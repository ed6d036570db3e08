package io.simbundle.charging.gy;

/**
 * Told of every Credit-Control-Request answered and of the zero-rated traffic it reported, for the
 * operator's metrics; called on the thread that completes the request, so it must be quick and must
 * not throw.
 */
@FunctionalInterface
public interface GyRequestListener {

  GyRequestListener NONE = (requestType, resultCode, nanos) -> {};

  /**
   * @param requestType CC-Request-Type: 1 initial, 2 update, 3 termination, 4 event (0 when the
   *     request carried none readable)
   * @param resultCode the command-level Result-Code answered
   * @param nanos from the request's arrival to its answer being ready
   */
  void answered(int requestType, long resultCode, long nanos);

  /** Traffic of a partner's zero-rated service, charged to no one, once it is committed. */
  default void zeroRated(String partnerCode, long bytes) {}
}
