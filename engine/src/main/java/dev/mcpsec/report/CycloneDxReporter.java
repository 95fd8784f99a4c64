package dev.mcpsec.report;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import com.github.packageurl.PackageURLBuilder;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.ServerSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.Service;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * An AI bill of materials: a CycloneDX 1.6 JSON BOM of every configured MCP server, built with the
 * CycloneDX Java library. Packages are components with a purl ({@code pkg:npm}, {@code pkg:pypi}),
 * images are {@code container} components ({@code pkg:docker}, or {@code pkg:oci} with the digest),
 * remote servers are services with their endpoint, local programs are {@code application}
 * components. Properties in the {@code mcpsec:} namespace name the client, the file, the scope, the
 * transport and the kinds and tiers of the credentials each server receives; never a value, masked
 * or not.
 */
final class CycloneDxReporter implements Reporter {
    static final CycloneDxReporter INSTANCE = new CycloneDxReporter();

    private CycloneDxReporter() {}

    @Override
    public void write(ScanResult result, OutputStream out, ReportOptions options)
            throws IOException {
        try {
            String json =
                    BomGeneratorFactory.createJson(Version.VERSION_16, bom(result, options))
                            .toJsonString();
            out.write(json.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            out.flush();
        } catch (GeneratorException e) {
            throw new IOException("cannot write the CycloneDX BOM: " + e.getMessage(), e);
        }
    }

    static Bom bom(ScanResult result, ReportOptions options) {
        Bom bom = new Bom();
        Metadata metadata = new Metadata();
        // No timestamp: the same scan gives the same BOM (reproducible, diffable, golden-testable).
        metadata.setTimestamp(null);
        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setName("mcpsec");
        tool.setVersion(ReportSupport.version(result, options));
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(tool));
        metadata.setToolChoice(tools);
        List<Property> meta = new ArrayList<>();
        meta.add(property("mcpsec:root", result.root()));
        // what the scan skipped or could not read belongs with the inventory it qualifies
        for (dev.mcpsec.api.ScanWarning w : ReportSupport.orEmpty(result.warnings())) {
            meta.add(property("mcpsec:warning", w.toString()));
        }
        metadata.setProperties(meta);
        bom.setMetadata(metadata);
        List<Component> components = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        Set<String> refs = new LinkedHashSet<>();
        for (ServerSummary s : ReportSupport.orEmpty(result.servers())) {
            String ref = unique(refs, "mcp-server:" + s.file() + "#" + s.name());
            if (s.packageName() == null && s.url() != null) {
                services.add(service(s, ref));
            } else {
                components.add(component(s, ref));
            }
        }
        bom.setComponents(components);
        bom.setServices(services);
        return bom;
    }

    private static Service service(ServerSummary s, String ref) {
        Service service = new Service();
        service.setBomRef(ref);
        service.setName(s.name());
        service.setEndpoints(List.of(withoutSecrets(s.url())));
        service.setxTrustBoundary(true);
        service.setProperties(properties(s));
        return service;
    }

    private static Component component(ServerSummary s, String ref) {
        Component c = new Component();
        c.setBomRef(ref);
        String eco = s.ecosystem() == null ? "" : s.ecosystem();
        if (s.packageName() != null && (eco.equals("oci") || eco.equals("docker"))) {
            c.setType(Component.Type.CONTAINER);
            c.setName(s.packageName());
            c.setVersion(s.imageDigest() != null ? s.imageDigest() : s.packageVersion());
            purl(c, imagePurl(s));
        } else if (s.packageName() != null && (eco.equals("npm") || eco.equals("pypi"))) {
            c.setType(Component.Type.LIBRARY);
            c.setName(s.packageName());
            c.setVersion(s.packageVersion());
            purl(c, packagePurl(eco, s.packageName(), s.packageVersion()));
        } else {
            c.setType(Component.Type.APPLICATION);
            c.setName(
                    s.packageName() != null
                            ? s.packageName()
                            : s.command() != null ? s.command() : s.name());
            c.setVersion(s.packageVersion());
        }
        c.setDescription("MCP server \"" + s.name() + "\"");
        c.setProperties(properties(s));
        return c;
    }

    private static void purl(Component c, PackageURL purl) {
        if (purl != null) {
            c.setPurl(purl);
        }
    }

    /**
     * {@code pkg:npm/%40scope/name@version} or {@code pkg:pypi/name@version}; null for specs that
     * are not names.
     */
    static PackageURL packagePurl(String ecosystem, String name, String version) {
        try {
            PackageURLBuilder b = PackageURLBuilder.aPackageURL().withType(ecosystem);
            if (ecosystem.equals("npm") && name.startsWith("@") && name.indexOf('/') > 1) {
                b.withNamespace(name.substring(0, name.indexOf('/')))
                        .withName(name.substring(name.indexOf('/') + 1));
            } else if (ecosystem.equals("pypi")) {
                b.withName(name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-"));
            } else {
                b.withName(name);
            }
            if (version != null && !version.isBlank()) {
                b.withVersion(version);
            }
            return b.build();
        } catch (MalformedPackageURLException | RuntimeException e) {
            return null;
        }
    }

    /** {@code pkg:oci/name@sha256:...} for a digest, else {@code pkg:docker/namespace/name@tag}. */
    static PackageURL imagePurl(ServerSummary s) {
        String image = s.packageName();
        String registry = null;
        int slash = image.indexOf('/');
        if (slash > 0
                && (image.substring(0, slash).contains(".")
                        || image.substring(0, slash).contains(":"))) {
            registry = image.substring(0, slash);
            image = image.substring(slash + 1);
        }
        int last = image.lastIndexOf('/');
        try {
            if (s.imageDigest() != null) {
                PackageURLBuilder b =
                        PackageURLBuilder.aPackageURL()
                                .withType("oci")
                                .withName(image.substring(last + 1).toLowerCase(Locale.ROOT))
                                .withVersion(s.imageDigest())
                                .withQualifier(
                                        "repository_url",
                                        (registry == null ? "docker.io" : registry) + "/" + image);
                if (s.packageVersion() != null) {
                    b.withQualifier("tag", s.packageVersion());
                }
                return b.build();
            }
            PackageURLBuilder b =
                    PackageURLBuilder.aPackageURL()
                            .withType("docker")
                            .withName(image.substring(last + 1));
            if (last > 0) {
                b.withNamespace(image.substring(0, last));
            }
            if (registry != null) {
                b.withQualifier("repository_url", registry);
            }
            if (s.packageVersion() != null) {
                b.withVersion(s.packageVersion());
            }
            return b.build();
        } catch (MalformedPackageURLException | RuntimeException e) {
            return null;
        }
    }

    private static List<Property> properties(ServerSummary s) {
        List<Property> p = new ArrayList<>();
        p.add(property("mcpsec:server", s.name()));
        p.add(property("mcpsec:client", s.client()));
        p.add(property("mcpsec:file", s.file()));
        p.add(property("mcpsec:line", String.valueOf(s.line())));
        p.add(property("mcpsec:scope", s.scope()));
        p.add(property("mcpsec:transport", s.transport()));
        if (s.command() != null) {
            p.add(property("mcpsec:command", s.command()));
        }
        if (s.url() != null && s.packageName() != null) {
            p.add(property("mcpsec:url", withoutSecrets(s.url())));
        }
        if (s.disabled()) {
            p.add(property("mcpsec:disabled", "true"));
        }
        for (String credential : s.credentials()) {
            p.add(property("mcpsec:credential", credential));
        }
        p.removeIf(x -> x.getValue() == null);
        return p;
    }

    private static Property property(String name, String value) {
        Property p = new Property();
        p.setName(name);
        p.setValue(value);
        return p;
    }

    /** The URL without user info, query or fragment: tokens in URLs never reach the BOM. */
    static String withoutSecrets(String url) {
        String u = url.replaceAll("(?i)^([a-z][a-z0-9+.-]*://)[^/@\\s]*@", "$1");
        int cut = u.length();
        for (char c : new char[] {'?', '#'}) {
            int i = u.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return u.substring(0, cut);
    }

    private static String unique(Set<String> refs, String ref) {
        String r = ref;
        for (int i = 2; !refs.add(r); i++) {
            r = ref + "~" + i;
        }
        return r;
    }
}
