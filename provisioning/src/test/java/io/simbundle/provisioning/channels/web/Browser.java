package io.simbundle.provisioning.channels.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, sized like a phone. Screenshots go to
 * {@code target/screenshots}, kept as test artifacts.
 */
final class Browser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  static Browser start() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          "the web page tests need Debian's browser: apt-get install -y chromium chromium-driver");
    }
    Path profile = Files.createTempDirectory("simbundle-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // Without the background-networking switches Chromium keeps dialling Google on a closed
    // network.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(390, 844));
    return new Browser(driver, profile);
  }

  ChromeDriver driver() {
    return driver;
  }

  WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(10));
  }

  /**
   * Takes a screenshot (kept in {@link #SCREENSHOTS}) and, in the same moment, reads what the
   * elements with the given ids showed and where: their text and their boxes in the picture.
   */
  Screenshot screenshot(String name, String... ids) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> boxes =
        (List<Map<String, Object>>) driver.executeScript(ELEMENTS_IN_VIEW, List.of(ids));
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    Map<String, Screenshot.Shown> shown = new LinkedHashMap<>();
    for (Map<String, Object> box : boxes) {
      shown.put(
          (String) box.get("id"),
          new Screenshot.Shown(
              (String) box.get("text"),
              pixels(box.get("x")),
              pixels(box.get("y")),
              pixels(box.get("width")),
              pixels(box.get("height")),
              (Boolean) box.get("inView")));
    }
    return new Screenshot(image, shown);
  }

  private static int pixels(Object cssPixels) {
    return (int) Math.round(((Number) cssPixels).doubleValue());
  }

  /**
   * For each id present: its rendered text and its box in screenshot pixels (CSS pixels times the
   * device pixel ratio), and whether the box lies inside the viewport. Hidden elements have no box.
   */
  private static final String ELEMENTS_IN_VIEW =
      """
      const ratio = window.devicePixelRatio || 1;
      return arguments[0].flatMap(id => {
        const element = document.getElementById(id);
        if (!element) return [];
        const r = element.getBoundingClientRect();
        const inView = r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0
            && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
        return [{id: id, text: element.innerText || '', inView: inView,
                 x: r.left * ratio, y: r.top * ratio, width: r.width * ratio,
                 height: r.height * ratio}];
      });
      """;

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
