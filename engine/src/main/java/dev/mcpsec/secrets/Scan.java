package dev.mcpsec.secrets;

import java.util.ArrayList;
import java.util.List;

/** The working state of one {@link SecretDetector#analyze} call. */
final class Scan {

    final String value;
    final NameInfo name;
    final ValueContext context;
    final DetectorOptions options;
    final List<Reference> references = new ArrayList<>(2);
    final List<Detection> detections = new ArrayList<>(2);
    final List<DbUrl> databases = new ArrayList<>(1);
    final List<String> explanation = new ArrayList<>(2);
    private List<String> hostWords;

    Scan(String value, NameInfo name, ValueContext context, DetectorOptions options) {
        this.value = value;
        this.name = name;
        this.context = context;
        this.options = options;
    }

    void add(Detection d) {
        detections.add(d);
        explain(d.kind() + " found by " + d.detector());
    }

    void explain(String line) {
        explanation.add(line);
    }

    boolean overlaps(int start, int end) {
        for (Detection d : detections) {
            if (start < d.end() && d.start() < end) {
                return true;
            }
        }
        for (DbUrl db : databases) {
            Detection d = db.password();
            if (d != null && start < d.end() && d.start() < end) {
                return true;
            }
        }
        return false;
    }

    /**
     * The words of the host of the first URL in the value, e.g. {@code [db, prod, example, com]}.
     */
    List<String> hostWords() {
        if (hostWords == null) {
            int scheme = value.indexOf("://");
            if (scheme < 0) {
                hostWords = List.of();
            } else {
                DatabaseUrls.Parsed p =
                        DatabaseUrls.parse("", value.substring(scheme + 3), scheme + 3);
                hostWords = SecretNames.words(p.host());
            }
        }
        return hostWords;
    }

    /**
     * The detection with its tier adjusted by production/development markers in the name or host.
     */
    Detection withMarkers(Detection d) {
        boolean prod =
                name.production()
                        || SecretNames.hasMarker(hostWords(), options.productionMarkers());
        boolean dev =
                !prod
                        && (name.development()
                                || SecretNames.hasMarker(hostWords(), options.devMarkers()));
        String tier = d.tier();
        // Format-given tiers (test, public, admin) are facts about the key; markers only fill in
        // what the format
        // does not say, or demote a format-"live" key whose context says development.
        if (tier.equals("unknown") && prod) {
            tier = "live";
        } else if (dev
                && (tier.equals("unknown")
                        || (tier.equals("live")
                                && !ProviderRule.FORMAT_TIERED.contains(d.provider())))) {
            tier = "dev";
        } else {
            return d;
        }
        explain(
                d.kind()
                        + " tier "
                        + tier
                        + ": "
                        + (prod ? "production" : "development")
                        + " marker in name or host");
        return new Detection(
                d.kind(),
                tier,
                d.provider(),
                d.masked(),
                d.confidence(),
                d.detector(),
                d.expiring(),
                d.secret(),
                d.start());
    }
}
