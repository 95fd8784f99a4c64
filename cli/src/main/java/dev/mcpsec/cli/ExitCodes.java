package dev.mcpsec.cli;

/** The exit status contract (docs/cli.md), with the lines {@code --help} shows for it. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    static final String HEADING = "%nExit codes:%n";
    static final String OK_LINE = "0:Nothing at or above --fail-on (for test: every case passed).";
    static final String FINDINGS_LINE =
            "1:Findings at or above --fail-on (for test: a case failed).";
    static final String USAGE_LINE =
            "2:Usage or configuration error: bad flag, missing path, invalid policy.";
    static final String INTERNAL_LINE = "3:Internal error; run again with --debug for details.";

    private ExitCodes() {}
}
