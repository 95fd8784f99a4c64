package dev.mcpsec.fleet;

/** Shortening of library messages for reports: one line, bounded, control characters replaced. */
final class FleetMessages {
    private static final int MAX = 300;

    private FleetMessages() {}

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        StringBuilder b = new StringBuilder(Math.min(line.length(), MAX));
        for (int i = 0; i < line.length() && b.length() < MAX; i++) {
            char c = line.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return line.length() > MAX ? b + "…" : b.toString();
    }
}
