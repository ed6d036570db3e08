package io.simbundle.catalog.file;

/**
 * Where a value sits in a catalog document, both as the readable path used in messages ({@code
 * products[0].privileges[3].ratingGroups}) and as the JSON pointer used to find its line.
 */
record NodePath(String display, String pointer) {

  static final NodePath ROOT = new NodePath("", "");

  NodePath field(String name) {
    return new NodePath(display.isEmpty() ? name : display + "." + name, pointer + "/" + name);
  }

  NodePath index(int index) {
    return new NodePath(display + "[" + index + "]", pointer + "/" + index);
  }

  @Override
  public String toString() {
    return display.isEmpty() ? "(document)" : display;
  }
}
