package dev.mcpsec.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin reference as {@code mvn site} renders it (maven-plugin-report-plugin, from the
 * descriptor): {@code target/site/plugin-info.html} links a page per goal, and each goal page shows
 * every mcpsec parameter with its user property and default. Runs in the {@code plugin-site}
 * profile after the site is rendered (see docs/maven-plugin.md, "The plugin reference site"); the
 * default build does not render the site and does not run this class.
 */
class PluginSiteIT {
    private static final Path SITE = Path.of("target/site");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    @BeforeAll
    static void readDescriptor() throws Exception {
        PluginDocsTest.read();
    }

    @Test
    void pluginInfo_linksAPagePerGoal() throws Exception {
        Path index = SITE.resolve("plugin-info.html");
        assertThat(index).as("mvn site renders the plugin overview").isRegularFile();
        String html = Files.readString(index, StandardCharsets.UTF_8);
        for (String goal : PluginDocsTest.goals.keySet()) {
            assertThat(html).as("plugin-info.html").contains("mcpsec:" + goal);
            assertThat(html).as("plugin-info.html").contains("href=\"./" + goal + "-mojo.html\"");
            assertThat(SITE.resolve(goal + "-mojo.html")).isRegularFile();
        }
    }

    @Test
    void everyGoalPage_showsEachParameterWithItsUserPropertyAndDefault() throws Exception {
        List<String> problems = new ArrayList<>();
        for (PluginDocsTest.Param p : PluginDocsTest.own()) {
            String entry = entry(p.goal(), p.name());
            if (entry == null) {
                problems.add(p.goal() + "-mojo.html has no details of <" + p.name() + ">");
                continue;
            }
            if (p.property() != null && !entry.contains("UserProperty:" + p.property())) {
                problems.add(p.goal() + " <" + p.name() + ">: no user property " + p.property());
            }
            if (p.defaultValue() != null && !entry.contains("Default:" + p.defaultValue())) {
                problems.add(p.goal() + " <" + p.name() + ">: no default " + p.defaultValue());
            }
            String firstWords = firstWords(p.description());
            if (!entry.contains(firstWords)) {
                problems.add(p.goal() + " <" + p.name() + ">: help text '" + firstWords + "'");
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * The text of a parameter's entry under "Parameter Details" (from its {@code <h3>} to the next
     * rule), tags and all white space removed; null when the page has none.
     */
    private static String entry(String goal, String name) throws Exception {
        String html = Files.readString(SITE.resolve(goal + "-mojo.html"), StandardCharsets.UTF_8);
        int at = html.indexOf("<h3>&lt;" + name + "&gt;</h3>");
        if (at < 0) {
            return null;
        }
        int end = html.indexOf("<hr", at);
        return flat(html.substring(at, end < 0 ? html.length() : end));
    }

    /** The first words of a description, flattened like an entry. */
    private static String firstWords(String description) {
        String text = SPACE.matcher(TAG.matcher(description).replaceAll(" ")).replaceAll(" ");
        String[] words = text.trim().split(" ");
        return flat(String.join(" ", java.util.Arrays.copyOf(words, Math.min(4, words.length))));
    }

    private static String flat(String html) {
        return SPACE.matcher(unescape(TAG.matcher(html).replaceAll(" "))).replaceAll("");
    }

    private static String unescape(String s) {
        for (Map.Entry<String, String> e :
                Map.of("&lt;", "<", "&gt;", ">", "&quot;", "\"", "&#39;", "'", "&nbsp;", " ")
                        .entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        return s.replace("&amp;", "&");
    }
}
