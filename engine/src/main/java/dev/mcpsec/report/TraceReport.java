package dev.mcpsec.report;

import dev.mcpsec.api.Finding;
import dev.mcpsec.api.RuleTrace;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes a {@link RuleTrace} ({@code mcpsec scan --trace}) as text, or as JSON. */
public final class TraceReport {
    private static final Map<String, String> MARKS =
            Map.of(
                    "held",
                    "yes ",
                    "failed",
                    "NO  ",
                    "join",
                    "join",
                    "binds",
                    "bind",
                    "not checked alone",
                    "?   ");

    private TraceReport() {}

    public static void write(RuleTrace trace, OutputStream out, boolean json) throws IOException {
        if (json) {
            JsonSupport.write(JsonSupport.mapper().valueToTree(trace), out);
            return;
        }
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.print(
                "trace "
                        + trace.ruleId()
                        + " ("
                        + trace.source()
                        + ")"
                        + (trace.server() == null ? "" : " for server " + trace.server())
                        + "\n");
        if (!trace.enabled()) {
            w.print("note: the configuration turns this rule off; traced anyway\n");
        }
        if (trace.findings().isEmpty()) {
            w.print("fired: no\n");
        } else {
            w.print(
                    "fired: yes, "
                            + trace.findings().size()
                            + (trace.findings().size() == 1 ? " finding" : " findings")
                            + "\n");
            for (Finding f : trace.findings()) {
                w.print(
                        "  "
                                + TextReporter.clean(f.file() + ":" + f.line() + " " + f.message())
                                + "\n");
            }
        }
        int n = 1;
        for (RuleTrace.PatternTrace p : trace.patterns()) {
            w.print(
                    "\npattern "
                            + n++
                            + (p.mode().equals("match")
                                    ? ""
                                    : " ("
                                            + p.mode()
                                            + ": the rule needs "
                                            + (p.mode().equals("not") ? "no" : "some")
                                            + " fact meeting it)")
                            + ": "
                            + TextReporter.clean(p.text())
                            + "\n");
            w.print(
                    "  "
                            + p.factCount()
                            + " "
                            + p.type()
                            + " fact"
                            + (p.factCount() == 1 ? "" : "s")
                            + " in the scan");
            w.print(
                    p.facts().isEmpty()
                            ? "; none to show (none about the server, or none meets the conditions that can "
                                    + "be checked alone)\n"
                            : "; "
                                    + p.facts().size()
                                    + " listed"
                                    + (p.omitted() > 0
                                            ? ", " + p.omitted() + " more not listed"
                                            : "")
                                    + ":\n");
            for (RuleTrace.FactTrace f : p.facts()) {
                w.print("  " + TextReporter.clean(f.fact()) + "\n");
                for (RuleTrace.Condition c : f.conditions()) {
                    w.print(
                            "      "
                                    + MARKS.getOrDefault(c.outcome(), c.outcome())
                                    + "  "
                                    + TextReporter.clean(c.text())
                                    + (c.outcome().equals("join")
                                            ? "   (compares with another pattern: decided by the whole rule;"
                                                    + " name a server with --server to check it with that server's values)"
                                            : "")
                                    + "\n");
                }
            }
        }
        w.flush();
    }
}
