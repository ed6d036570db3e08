package io.simbundle.provisioning.demo;

/** A step of the demo that did not go as the story says; the message tells which and why. */
public final class DemoFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DemoFailure(String message) {
    super(message);
  }

  public DemoFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
