package dev.mcpsec.rules;

import dev.mcpsec.api.ScanWarning;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Warns about a rule that reads a data list no loaded bundle provides ({@code PolicyData( name ==
 * "x" )} without any {@code data/x.json}, nor {@code "data": {"x": ...}} in the project's
 * configuration): such a rule silently never matches, or always does. A warning, not an error: a
 * list may be meant for the projects to supply.
 */
public final class DataListCheck {
    private static final Pattern POLICY_DATA = Pattern.compile("PolicyData\\s*\\(([^)]*)\\)");
    private static final Pattern NAME = Pattern.compile("\\bname\\s*==\\s*\"([^\"]+)\"");

    private DataListCheck() {}

    /** One warning per rule file line that names an unknown list, pointing at that line. */
    public static List<ScanWarning> check(List<Bundle> bundles, Set<String> configLists) {
        Set<String> known = new TreeSet<>(configLists);
        bundles.forEach(b -> known.addAll(b.data().keySet()));
        List<ScanWarning> out = new ArrayList<>();
        for (Bundle b : bundles) {
            for (Bundle.DrlFile f : b.policies()) {
                Matcher m = POLICY_DATA.matcher(f.content());
                Set<String> seen = new LinkedHashSet<>();
                while (m.find()) {
                    Matcher n = NAME.matcher(m.group(1));
                    if (n.find() && !known.contains(n.group(1)) && seen.add(n.group(1))) {
                        int line =
                                1
                                        + (int)
                                                f.content()
                                                        .substring(0, m.start())
                                                        .chars()
                                                        .filter(c -> c == '\n')
                                                        .count();
                        out.add(
                                new ScanWarning(
                                        f.path(),
                                        line,
                                        "data list \""
                                                + n.group(1)
                                                + "\" is provided by no loaded "
                                                + "bundle (data/"
                                                + n.group(1)
                                                + ".json) and not by .mcpsec/config.json \"data\""
                                                + Suggest.hint(n.group(1), known)
                                                + "; the rule of bundle "
                                                + b.label()
                                                + " sees no value of it"));
                    }
                }
            }
        }
        return out;
    }
}
