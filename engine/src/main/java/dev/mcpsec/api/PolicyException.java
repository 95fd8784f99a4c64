package dev.mcpsec.api;

import java.util.List;

/**
 * A policy bundle could not be loaded: DRL compile errors or bad metadata, each as {@code
 * file:line:column: message}.
 */
public class PolicyException extends McpsecException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public PolicyException(String summary, List<String> problems) {
        super(summary + (problems.isEmpty() ? "" : ":\n  " + String.join("\n  ", problems)));
        this.problems = List.copyOf(problems);
    }

    /** Each problem on its own, {@code file:line:column: message} first. */
    public List<String> problems() {
        return problems;
    }
}
