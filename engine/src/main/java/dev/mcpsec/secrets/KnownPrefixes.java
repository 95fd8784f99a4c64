package dev.mcpsec.secrets;

import java.util.Comparator;
import java.util.List;

/** The literal prefixes of the provider formats, stripped before judging a token's random body. */
final class KnownPrefixes {

    private static final List<String> PREFIXES =
            List.of(
                            "sk_live_",
                            "sk_test_",
                            "rk_live_",
                            "rk_test_",
                            "pk_live_",
                            "pk_test_",
                            "whsec_",
                            "ghp_",
                            "gho_",
                            "ghu_",
                            "ghs_",
                            "ghr_",
                            "github_pat_",
                            "sbp_v0_",
                            "sbp_",
                            "sb_secret_",
                            "sb_publishable_",
                            "AKIA",
                            "ASIA",
                            "ABIA",
                            "ACCA",
                            "sk-proj-",
                            "sk-svcacct-",
                            "sk-admin-",
                            "sk-ant-api03-",
                            "sk-ant-admin01-",
                            "sk-or-v1-",
                            "sk-",
                            "xoxb-",
                            "xoxp-",
                            "xoxa-",
                            "xoxs-",
                            "xapp-",
                            "AIza",
                            "glpat-",
                            "npm_",
                            "lin_api_",
                            "ntn_",
                            "secret_",
                            "sntrys_",
                            "sntryu_",
                            "BSA",
                            "sandbox-sq0atb-",
                            "sandbox-sq0csb-",
                            "sq0atp-",
                            "sq0atb-",
                            "sq0csp-",
                            "sq0csb-",
                            "EAAA",
                            "access_token$production$",
                            "access_token$sandbox$",
                            "eyJ")
                    .stream()
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .toList();

    private KnownPrefixes() {}

    /** The longest known prefix the value starts with, or the empty string. */
    static String of(String value) {
        for (String p : PREFIXES) {
            if (value.startsWith(p)) {
                return p;
            }
        }
        return "";
    }
}
