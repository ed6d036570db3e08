package io.simbundle.rules.ruleset;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule set in force, and its replacement without restart: {@link #reload()} compiles the files
 * again and swaps the new set in only when everything compiles. Readers take {@link #current()}
 * once per decision, so a decision in flight during a reload finishes on the set it started with.
 */
public final class RuleBook implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RuleBook.class);
  private static final Duration SETTLE = Duration.ofMillis(300);

  private final RuleSources sources;
  private final RuleSetCompiler compiler;
  private final AtomicReference<RuleSet> current = new AtomicReference<>();
  private volatile WatchService watcher;
  private volatile Thread watchThread;

  private RuleBook(RuleSources sources, RuleSetCompiler compiler) {
    this.sources = sources;
    this.compiler = compiler;
  }

  /**
   * Compiles the rule files.
   *
   * @throws InvalidRulesException when they do not compile: the engine cannot start without rules
   */
  public static RuleBook open(RuleSources sources, RuleSetCompiler compiler) {
    RuleBook book = new RuleBook(sources, compiler);
    book.current.set(compiler.compile(sources.read()));
    log.info("rule set {} in force", book.current().version());
    return book;
  }

  public RuleSet current() {
    return current.get();
  }

  /**
   * Compiles the rule files again and puts the result in force.
   *
   * @return the new rule set
   * @throws InvalidRulesException when they do not compile; the rule set in force stays
   */
  public synchronized RuleSet reload() {
    RuleSet previous = current.get();
    try {
      RuleSet next = compiler.compile(sources.read());
      current.set(next);
      log.info("rule set {} in force (was {})", next.version(), previous.version());
      return next;
    } catch (InvalidRulesException e) {
      log.error(
          "rule files rejected, rule set {} stays in force: {}",
          previous.version(),
          e.getMessage());
      throw e;
    }
  }

  /**
   * Compiles a candidate: the rule files in force with {@code files} over them, as a file in the
   * rules directory replaces a shipped one of its name.
   *
   * @throws InvalidRulesException when the candidate does not compile
   */
  public RuleSet compileCandidate(List<RuleSource> files) {
    Map<String, RuleSource> byName = new LinkedHashMap<>();
    sources.read().forEach(source -> byName.put(source.name(), source));
    files.forEach(source -> byName.put(source.name(), source));
    return compiler.compile(List.copyOf(byName.values()));
  }

  /** Puts a compiled rule set in force, as {@link #reload()} does with the files it compiled. */
  public synchronized void putInForce(RuleSet next) {
    RuleSet previous = current.getAndSet(next);
    log.info(
        "rule set {} in force (was {}), promoted from the shadow",
        next.version(),
        previous.version());
  }

  /** Reloads whenever a file in the rules directory changes, until {@link #close()}. */
  public void watchDirectory() {
    Optional<Path> directory = sources.directory();
    if (directory.isEmpty() || watchThread != null) {
      return;
    }
    try {
      watcher = FileSystems.getDefault().newWatchService();
      directory
          .get()
          .register(
              watcher,
              StandardWatchEventKinds.ENTRY_CREATE,
              StandardWatchEventKinds.ENTRY_MODIFY,
              StandardWatchEventKinds.ENTRY_DELETE);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot watch " + directory.get(), e);
    }
    watchThread = new Thread(this::watch, "rules-directory-watch");
    watchThread.setDaemon(true);
    watchThread.start();
  }

  private void watch() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        // An editor saves in several steps: wait until the directory is quiet, then reload once.
        Thread.sleep(SETTLE.toMillis());
        key.pollEvents();
        key.reset();
        WatchKey more;
        while ((more = watcher.poll()) != null) {
          more.pollEvents();
          more.reset();
        }
        try {
          reload();
        } catch (InvalidRulesException e) {
          // Logged by reload(); the rule set in force stays.
        } catch (java.io.UncheckedIOException e) {
          log.error(
              "cannot read the rule files, rule set {} stays: {}",
              current().version(),
              e.getMessage());
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (watcher != null) {
      try {
        watcher.close();
      } catch (IOException e) {
        log.warn("closing the rules directory watch: {}", e.getMessage());
      }
    }
  }
}
