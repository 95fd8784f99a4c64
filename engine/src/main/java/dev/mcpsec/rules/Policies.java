package dev.mcpsec.rules;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.ScanRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Gathers the bundles a request asks for, in the documented order: the class path (built-in bundle
 * and org bundles added as plugin dependencies), {@code --bundle} specs, then project policies only
 * when the user opted in.
 */
public final class Policies {
    private Policies() {}

    /** The class loader whose bundles every scan loads first: the engine's own. */
    public static ClassLoader classLoader() {
        return Policies.class.getClassLoader();
    }

    /**
     * The bundles of a scan of {@code root}: a {@code --bundle} that lies inside {@code root} is
     * refused unless project policies are opted in, since its rules would come from the tree being
     * scanned.
     */
    public static List<Bundle> bundles(ScanRequest request, Path root) {
        return bundles(request, root, root);
    }

    private static List<Bundle> bundles(ScanRequest request, Path root, Path scannedTree) {
        Map<String, Bundle> byOrigin = new LinkedHashMap<>();
        for (Bundle b : ClassPathBundles.load(classLoader())) {
            byOrigin.putIfAbsent(b.origin(), b);
        }
        return withRequested(byOrigin, request, root, scannedTree);
    }

    /**
     * The bundles of a scan that loads nothing but the bundles on the engine's class path (no
     * {@code --bundle}, no project policies, no plugin class loader): {@code loaded}, as {@link
     * #bundles} orders and checks them.
     */
    public static List<Bundle> classPathOnly(List<Bundle> loaded) {
        Map<String, Bundle> byOrigin = new LinkedHashMap<>();
        for (Bundle b : loaded) {
            byOrigin.putIfAbsent(b.origin(), b);
        }
        return checked(new ArrayList<>(byOrigin.values()));
    }

    private static List<Bundle> withRequested(
            Map<String, Bundle> byOrigin, ScanRequest request, Path root, Path scannedTree) {
        // the engine's own class loader was read above (a front end whose plugin class path is the
        // engine's, as in Maven, names it again)
        if (request.bundleClassLoader() != null && request.bundleClassLoader() != classLoader()) {
            for (Bundle b : BundleLoader.fromClassLoader(request.bundleClassLoader())) {
                byOrigin.putIfAbsent(b.origin(), b);
            }
        }
        for (String spec : request.bundles()) {
            Bundle b =
                    BundleLoader.fromSpec(
                            spec,
                            request.localRepository(),
                            request.projectPolicies() ? null : scannedTree);
            byOrigin.putIfAbsent(b.origin(), b);
        }
        if (request.projectPolicies() && root != null) {
            Bundle project = projectBundle(root);
            if (project != null) {
                byOrigin.put(project.origin(), project);
            }
        }
        return checked(new ArrayList<>(byOrigin.values()));
    }

    /** {@code bundles}, each id once, or a configuration error naming both bundles of an id. */
    private static List<Bundle> checked(List<Bundle> bundles) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Bundle b : bundles) {
            String previous = ids.putIfAbsent(b.id(), b.origin());
            if (previous != null) {
                throw new ConfigurationException(
                        "bundle",
                        "two bundles have the id '"
                                + b.id()
                                + "': "
                                + previous
                                + " and "
                                + b.origin()
                                + " (remove one, or give each its own id in bundle.json)");
            }
        }
        return bundles;
    }

    public static CompiledPolicies load(ScanRequest request, Path root) {
        return PolicyCompiler.compile(bundles(request, root));
    }

    /**
     * As {@link #load}, compiling on a second thread: the result's bundles and data are there at
     * once, its rules once the compilation is joined (see {@link CompiledPolicies}).
     */
    public static CompiledPolicies start(ScanRequest request, Path root) {
        return PolicyCompiler.start(bundles(request, root));
    }

    /**
     * The policies {@code rules} and {@code explain} list: nothing is scanned, so no tree's bundles
     * are refused.
     */
    public static CompiledPolicies catalog(ScanRequest request) {
        return PolicyCompiler.compile(bundles(request, request.root(), null));
    }

    /**
     * {@code .mcpsec/policies/*.drl} of the scanned project as a bundle with id {@code project}, or
     * null.
     */
    static Bundle projectBundle(Path root) {
        Path dir = root.resolve(".mcpsec").resolve("policies");
        if (!Files.isDirectory(dir)) {
            return null;
        }
        List<Bundle.DrlFile> drl = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                // a FIFO or a huge file named *.drl must not hang or exhaust the scan: regular
                // files, bounded size
                byte[] text =
                        ProjectFiles.read(
                                root,
                                p,
                                root.relativize(p).toString().replace('\\', '/'),
                                "projectPolicies",
                                ProjectFiles.MAX_BYTES);
                drl.add(
                        new Bundle.DrlFile(
                                root.relativize(p).toString().replace('\\', '/'),
                                new String(text, java.nio.charset.StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new ConfigurationException(
                    "projectPolicies", "cannot read " + dir + ": " + e.getMessage(), e);
        }
        return new Bundle(
                "project", "local", "project policies", dir.toString(), drl, Map.of(), null);
    }
}
