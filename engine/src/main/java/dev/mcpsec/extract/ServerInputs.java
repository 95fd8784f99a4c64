package dev.mcpsec.extract;

import dev.mcpsec.facts.ServerInput;
import dev.mcpsec.parse.Located;
import dev.mcpsec.parse.ServerEntry;
import dev.mcpsec.secrets.ArgScanner;
import dev.mcpsec.secrets.ArgValue;
import dev.mcpsec.secrets.PlaceholderClassifier;
import dev.mcpsec.secrets.ValueContext;
import dev.mcpsec.secrets.Verdict;
import java.util.List;
import java.util.Map;

/** One {@link ServerInput} per env variable, header and named launch option of a server. */
final class ServerInputs {
    private ServerInputs() {}

    /**
     * @param firstServerArg index of the first argument the server itself receives (after the
     *     launcher's own flags and the package, e.g. after {@code npx -y pkg}); options before it
     *     are the launcher's
     */
    static void extract(
            String file,
            ServerEntry e,
            int firstServerArg,
            PlaceholderClassifier classifier,
            FactSet out) {
        for (Map.Entry<String, Located> env : e.env().entrySet()) {
            Located v = env.getValue();
            out.add(
                    new ServerInput(
                            file,
                            v.line(),
                            v.column(),
                            e.name(),
                            "env",
                            env.getKey(),
                            form(v.value(), classifier),
                            "env"));
        }
        for (Map.Entry<String, Located> h : e.headers().entrySet()) {
            Located v = h.getValue();
            out.add(
                    new ServerInput(
                            file,
                            v.line(),
                            v.column(),
                            e.name(),
                            "header",
                            h.getKey(),
                            form(v.value(), classifier),
                            "headers"));
        }
        List<String> args = e.args().stream().map(Located::value).toList();
        for (ArgValue a : ArgScanner.scan(args)) {
            if (a.name() == null) {
                continue;
            }
            Located at = e.args().get(a.argIndex());
            String kind =
                    a.context() == ValueContext.ENV
                            ? "env"
                            : a.context() == ValueContext.HEADER ? "header" : "option";
            if ("option".equals(kind) && a.argIndex() < firstServerArg) {
                continue;
            }
            out.add(
                    new ServerInput(
                            file,
                            at.line(),
                            at.column(),
                            e.name(),
                            kind,
                            a.name(),
                            form(a.value(), classifier),
                            "args"));
        }
        for (int i = 0; i + 1 < args.size(); i++) {
            String flag = args.get(i);
            String next = args.get(i + 1);
            if (("-e".equals(flag) || "--env".equals(flag))
                    && next != null
                    && next.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                Located at = e.args().get(i + 1);
                out.add(
                        new ServerInput(
                                file,
                                at.line(),
                                at.column(),
                                e.name(),
                                "env",
                                next,
                                "passthrough",
                                "args"));
            }
        }
    }

    static String form(String value, PlaceholderClassifier classifier) {
        if (value == null || value.isBlank()) {
            return "empty";
        }
        Verdict v = classifier.classify(value).verdict();
        return switch (v) {
            case REFERENCE -> "reference";
            case PLACEHOLDER -> "placeholder";
            default -> "literal";
        };
    }
}
