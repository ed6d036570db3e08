package io.simbundle.provisioning.channels.web;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A screenshot with what the page showed at that moment: for each element asked about, its text and
 * where it was drawn. Checks read both, so a test proves what a person would have seen — the
 * element in view, its text, and pixels drawn where it stands — not merely that a file was written.
 */
record Screenshot(BufferedImage image, Map<String, Shown> elements) {

  /**
   * An element as drawn: its text and its box in the screenshot's pixels.
   *
   * @param inView whether the whole box lay inside the visible part of the page
   */
  record Shown(String text, int x, int y, int width, int height, boolean inView) {}

  /** The text an element showed when the screenshot was taken. */
  String text(String id) {
    return element(id).text();
  }

  /**
   * Whether an element was in view and something was drawn in its box: at least two colours there
   * (text or an outline on a background), not a blank or a box outside the picture.
   */
  boolean drawn(String id) {
    Shown shown = element(id);
    if (!shown.inView() || shown.width() <= 0 || shown.height() <= 0) {
      return false;
    }
    int right = Math.min(shown.x() + shown.width(), image.getWidth());
    int bottom = Math.min(shown.y() + shown.height(), image.getHeight());
    Set<Integer> colours = new HashSet<>();
    for (int y = Math.max(shown.y(), 0); y < bottom; y++) {
      for (int x = Math.max(shown.x(), 0); x < right; x++) {
        colours.add(image.getRGB(x, y));
        if (colours.size() > 1) {
          return true;
        }
      }
    }
    return false;
  }

  private Shown element(String id) {
    Shown shown = elements.get(id);
    if (shown == null) {
      throw new IllegalArgumentException("no element #" + id + " on the page when it was taken");
    }
    return shown;
  }
}
