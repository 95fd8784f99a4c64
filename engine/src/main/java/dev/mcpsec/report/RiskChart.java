package dev.mcpsec.report;

import dev.mcpsec.api.Severity;
import java.util.Map;

/**
 * The HTML report's chart: one horizontal bar per checklist id, split into severity segments, as
 * inline SVG with no script and no external asset. Every segment carries its count as text and a
 * {@code <title>}, so the chart stays legible in grey-scale print; colours come from the
 * stylesheet, which adapts them to dark mode.
 */
final class RiskChart {
    static final int LABEL_WIDTH = 190;
    static final int BAR_WIDTH = 520;
    static final int ROW_HEIGHT = 24;
    static final int BAR_HEIGHT = 16;
    static final int LEGEND_HEIGHT = 26;

    /** Segments narrower than this keep their count in the title only. */
    static final int MIN_LABELLED = 14;

    private RiskChart() {}

    static void render(Html h, Map<String, Map<Severity, Integer>> byChecklist) {
        int max = byChecklist.values().stream().mapToInt(RiskChart::total).max().orElse(0);
        if (max == 0) {
            return;
        }
        int width = LABEL_WIDTH + BAR_WIDTH + 50;
        int height = LEGEND_HEIGHT + byChecklist.size() * ROW_HEIGHT + 4;
        h.raw(
                        "<figure class=\"chart\">\n<svg role=\"img\" aria-labelledby=\"chart-title\" viewBox=\"0 0 "
                                + width
                                + " "
                                + height
                                + "\" width=\""
                                + width
                                + "\" height=\""
                                + height
                                + "\" xmlns=\"http://www.w3.org/2000/svg\">\n")
                .raw("<title id=\"chart-title\">Findings by checklist id and severity</title>\n");
        int x = LABEL_WIDTH;
        for (Severity s : Severity.values()) {
            h.raw(
                            "<rect class=\"sev "
                                    + s.id()
                                    + "\" x=\""
                                    + x
                                    + "\" y=\"4\" width=\"12\" height=\"12\"/>")
                    .raw("<text x=\"" + (x + 16) + "\" y=\"14\">")
                    .text(s.id())
                    .raw("</text>\n");
            x += 90;
        }
        int row = 0;
        for (Map.Entry<String, Map<Severity, Integer>> e : byChecklist.entrySet()) {
            int y = LEGEND_HEIGHT + row * ROW_HEIGHT;
            h.raw("<g class=\"row\">")
                    .raw(
                            "<text class=\"label\" x=\""
                                    + (LABEL_WIDTH - 8)
                                    + "\" y=\""
                                    + (y + 13)
                                    + "\" text-anchor=\"end\">")
                    .text(e.getKey().isEmpty() ? "(none)" : e.getKey())
                    .raw("</text>");
            int offset = LABEL_WIDTH;
            for (Map.Entry<Severity, Integer> c : e.getValue().entrySet()) {
                if (c.getValue() == 0) {
                    continue;
                }
                int w = Math.max(2, c.getValue() * BAR_WIDTH / max);
                String sev = c.getKey().id();
                h.raw(
                                "<rect class=\"sev "
                                        + sev
                                        + "\" x=\""
                                        + offset
                                        + "\" y=\""
                                        + y
                                        + "\" width=\""
                                        + w
                                        + "\" height=\""
                                        + BAR_HEIGHT
                                        + "\"><title>")
                        .text(e.getKey())
                        .raw(": ")
                        .text(c.getValue())
                        .raw(" ")
                        .text(sev)
                        .raw("</title></rect>");
                if (w >= MIN_LABELLED) {
                    h.raw(
                                    "<text class=\"in\" x=\""
                                            + (offset + w / 2)
                                            + "\" y=\""
                                            + (y + 12)
                                            + "\" text-anchor=\"middle\">")
                            .text(c.getValue())
                            .raw("</text>");
                }
                offset += w;
            }
            h.raw("<text class=\"total\" x=\"" + (offset + 6) + "\" y=\"" + (y + 13) + "\">")
                    .text(total(e.getValue()))
                    .raw("</text></g>\n");
            row++;
        }
        h.raw(
                        "</svg>\n<figcaption class=\"meta\">Findings by checklist id, split by severity; the table above has the ")
                .raw("same counts.</figcaption>\n</figure>\n");
    }

    private static int total(Map<Severity, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
