package dev.mcpsec.bench;

import dev.mcpsec.secrets.FakeSecrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates MCP client configs shaped like the real-world corpus: a few servers each, mostly
 * references and ordinary values, some placeholders, and now and then a secret-shaped fake.
 */
final class ConfigCorpus {

    private static final String[] PACKAGES = {
        "@modelcontextprotocol/server-filesystem",
        "@stripe/mcp",
        "@supabase/mcp-server-supabase@latest",
        "@modelcontextprotocol/server-github",
        "mcp-remote",
        "@notionhq/notion-mcp-server",
        "@brave/brave-search-mcp-server",
        "@modelcontextprotocol/server-postgres"
    };
    private static final String[] ENV_NAMES = {
        "GITHUB_PERSONAL_ACCESS_TOKEN",
        "STRIPE_SECRET_KEY",
        "SUPABASE_ACCESS_TOKEN",
        "NOTION_TOKEN",
        "BRAVE_API_KEY",
        "OPENAI_API_KEY",
        "LOG_LEVEL",
        "NODE_ENV",
        "DATABASE_URL",
        "API_BASE_URL",
        "SLACK_BOT_TOKEN",
        "AWS_REGION",
        "PROJECT_ID",
        "MAX_RESULTS"
    };
    private static final String[] FAKE_KINDS = {
        "stripe-live",
        "stripe-test",
        "github-classic",
        "github-fine-grained",
        "supabase-pat",
        "supabase-service-role-jwt",
        "slack-bot",
        "notion",
        "openai",
        "anthropic",
        "aws-access-key",
        "gitlab",
        "npm",
        "linear",
        "brave",
        "google",
        "generic-hex40",
        "postgres-url"
    };
    private static final String[] PLACEHOLDERS = {
        "<YOUR_TOKEN>",
        "your-api-key-here",
        "sk_test_your_test_key_here",
        "ghp_your_github_personal_access_token",
        "xoxb-your-slack-bot-token",
        "REDACTED",
        "",
        "changeme",
        "postgresql://postgres:postgres@localhost:5432/postgres"
    };
    private static final String[] PLAIN = {
        "info",
        "production",
        "true",
        "50",
        "us-east-1",
        "/Users/dev/projects",
        "https://api.example.com/v1",
        "my-project-123456",
        "debug",
        "C:\\Users\\dev\\workspace"
    };

    private ConfigCorpus() {}

    static List<String> generate(int files, long seed) {
        Random rnd = new Random(seed);
        List<String> out = new ArrayList<>(files);
        for (int i = 0; i < files; i++) {
            out.add(file(rnd));
        }
        return out;
    }

    private static String file(Random rnd) {
        StringBuilder b = new StringBuilder(2048).append("{\n  \"mcpServers\": {\n");
        int servers = 1 + rnd.nextInt(6);
        for (int s = 0; s < servers; s++) {
            String pkg = PACKAGES[rnd.nextInt(PACKAGES.length)];
            b.append("    \"server-").append(s).append("\": {\n");
            if (rnd.nextInt(5) == 0) {
                b.append("      \"type\": \"http\",\n      \"url\": \"https://mcp.example.com/")
                        .append(s)
                        .append(
                                "/mcp\",\n      \"headers\": {\n        \"Authorization\": \"Bearer ")
                        .append(escape(value(rnd)))
                        .append("\"\n      }\n    }");
            } else {
                b.append("      \"command\": \"npx\",\n      \"args\": [\"-y\", \"")
                        .append(pkg)
                        .append('"');
                if (rnd.nextInt(3) == 0) {
                    b.append(", \"--api-key=").append(escape(value(rnd))).append('"');
                }
                b.append(", \"/Users/dev/projects/app\"],\n      \"env\": {\n");
                int env = 1 + rnd.nextInt(5);
                for (int e = 0; e < env; e++) {
                    b.append("        \"")
                            .append(ENV_NAMES[rnd.nextInt(ENV_NAMES.length)])
                            .append("\": \"")
                            .append(escape(value(rnd)))
                            .append('"')
                            .append(e + 1 < env ? ",\n" : "\n");
                }
                b.append(
                        "      },\n      \"disabled\": false,\n      \"autoApprove\": [\"list_tools\", \"search\"]\n    }");
            }
            b.append(s + 1 < servers ? ",\n" : "\n");
        }
        return b.append("  }\n}\n").toString();
    }

    private static String value(Random rnd) {
        int r = rnd.nextInt(100);
        if (r < 40) {
            String name = ENV_NAMES[rnd.nextInt(ENV_NAMES.length)];
            return switch (rnd.nextInt(4)) {
                case 0 -> "${" + name + "}";
                case 1 -> "${env:" + name + "}";
                case 2 -> "${input:" + name.toLowerCase() + "}";
                default -> "{env:" + name + "}";
            };
        }
        if (r < 60) {
            return PLACEHOLDERS[rnd.nextInt(PLACEHOLDERS.length)];
        }
        if (r < 85) {
            return PLAIN[rnd.nextInt(PLAIN.length)];
        }
        return FakeSecrets.generate(FAKE_KINDS[rnd.nextInt(FAKE_KINDS.length)], rnd);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
