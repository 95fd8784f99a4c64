package dev.mcpsec.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML report as a browser draws it: the sample report rendered by headless Chromium, once in
 * the light and once in the dark colour scheme, plus a PDF print. Only in the {@code screenshot}
 * profile ({@code mvn -Pscreenshot -pl engine test}): it needs Chromium (Debian's {@code chromium}
 * package, or {@code -Dmcpsec.chromium=PATH}) and fails, naming what is missing, when there is
 * none. The screenshots stay in {@code target/screenshots/} for a person to look at; the checks
 * here are that the page is drawn at all (many colours, not a blank page), that dark mode really is
 * dark, and that printing produces a PDF.
 */
class HtmlReportScreenshotCheck {
    private static final Path OUT = Path.of("target", "screenshots");
    private static String chromium;
    private static Path page;

    @BeforeAll
    static void renderSample() throws Exception {
        chromium = findChromium();
        Files.createDirectories(OUT);
        page = OUT.resolve("report.html").toAbsolutePath();
        Files.writeString(
                page,
                ReportFixtures.render(ReportFormat.HTML, ReportFixtures.sample()),
                StandardCharsets.UTF_8);
    }

    @Test
    void lightAndDark_areDrawn_andDarkModeIsDark() throws Exception {
        Path light = screenshot("report-light.png", false);
        Path dark = screenshot("report-dark.png", true);
        BufferedImage l = ImageIO.read(light.toFile());
        BufferedImage d = ImageIO.read(dark.toFile());
        assertThat(l.getWidth()).isEqualTo(1280);
        assertThat(colours(l)).as("a drawn page, not a blank one").isGreaterThan(50);
        assertThat(colours(d)).isGreaterThan(50);
        assertThat(luminance(l)).as("light scheme: mostly light").isGreaterThan(0.75);
        assertThat(luminance(d)).as("dark scheme: mostly dark").isLessThan(0.3);
    }

    @Test
    void print_producesAPdf() throws Exception {
        Path pdf = OUT.resolve("report.pdf").toAbsolutePath();
        Files.deleteIfExists(pdf);
        run(
                chromium,
                "--headless",
                "--disable-gpu",
                "--no-sandbox",
                "--no-pdf-header-footer",
                "--print-to-pdf=" + pdf,
                page.toUri().toString());
        assertThat(pdf).isRegularFile();
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
    }

    private static Path screenshot(String name, boolean dark) throws Exception {
        Path png = OUT.resolve(name).toAbsolutePath();
        Files.deleteIfExists(png);
        List<String> command =
                new ArrayList<>(
                        List.of(
                                chromium,
                                "--headless",
                                "--disable-gpu",
                                "--no-sandbox",
                                "--hide-scrollbars",
                                "--window-size=1280,2200",
                                "--screenshot=" + png));
        if (dark) {
            command.add("--force-dark-mode");
            command.add("--blink-settings=preferredColorScheme=0");
        }
        command.add(page.toUri().toString());
        run(command.toArray(String[]::new));
        assertThat(png).as("Chromium wrote the screenshot").isRegularFile();
        return png;
    }

    private static void run(String... command) throws Exception {
        Process p =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(OUT.resolve("chromium.log").toFile())
                        .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return seen.size();
    }

    private static double luminance(BufferedImage image) {
        double sum = 0;
        long n = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                int rgb = image.getRGB(x, y);
                sum +=
                        (0.2126 * ((rgb >> 16) & 0xFF)
                                        + 0.7152 * ((rgb >> 8) & 0xFF)
                                        + 0.0722 * (rgb & 0xFF))
                                / 255.0;
                n++;
            }
        }
        return sum / n;
    }

    private static String findChromium() {
        String configured = System.getProperty("mcpsec.chromium");
        List<String> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.addAll(
                List.of(
                        "/usr/bin/chromium",
                        "/usr/bin/chromium-browser",
                        "/usr/bin/google-chrome"));
        for (String c : candidates) {
            if (new File(c).canExecute()) {
                return c;
            }
        }
        throw new IllegalStateException(
                "the screenshot profile needs Chromium: install Debian's chromium package "
                        + "(apt-get install chromium) or pass -Dmcpsec.chromium=/path/to/chromium; looked at "
                        + candidates);
    }
}
