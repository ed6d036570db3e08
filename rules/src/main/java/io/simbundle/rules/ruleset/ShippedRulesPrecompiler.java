package io.simbundle.rules.ruleset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Run by the build (rules module, {@code process-classes}): compiles the shipped rules into the
 * classpath, so that no start compiles them, and writes the build identity that divides the
 * run-time cache of compiled rules. Nothing is compiled when the rules and classes are as last
 * time.
 *
 * <p>Arguments: the classes directory and the Drools version.
 */
public final class ShippedRulesPrecompiler {

  private ShippedRulesPrecompiler() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "usage: ShippedRulesPrecompiler <classes> <drools-version>");
    }
    Path classes = Path.of(args[0]);
    Path out = classes.resolve(CompiledRuleSets.SHIPPED);
    List<RuleSource> sources = new RuleSources(Optional.empty()).read();
    String digest = RuleSetCompiler.digest(sources);
    String buildId = buildId(classes, args[1]);
    Path kjar = out.resolve(digest + CompiledRuleSets.SUFFIX);
    Path idFile = classes.resolve(CompiledRuleSets.BUILD_ID);
    if (Files.isRegularFile(kjar)
        && Files.isRegularFile(idFile)
        && Files.readString(idFile).strip().equals(buildId)) {
      // Up to date: nothing to say, so that a quiet build stays quiet.
      return;
    }
    byte[] compiled = new RuleSetCompiler(Clock.systemUTC()).compileToKjar(sources);
    if (Files.isDirectory(out)) {
      try (Stream<Path> old = Files.list(out)) {
        for (Path file : old.toList()) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(out);
    Files.write(kjar, compiled);
    Files.writeString(idFile, buildId + "\n");
    System.out.println(
        "shipped rules " + digest.substring(0, 12) + " compiled: " + compiled.length + " bytes");
  }

  /**
   * A digest of what a compiled rule set depends on besides its sources: the Drools release and
   * this module's classes (the facts the rules match).
   */
  private static String buildId(Path classes, String droolsVersion) throws IOException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(droolsVersion.getBytes(StandardCharsets.UTF_8));
      try (Stream<Path> files = Files.walk(classes)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
          sha.update(classes.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
          sha.update(Files.readAllBytes(file));
        }
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
