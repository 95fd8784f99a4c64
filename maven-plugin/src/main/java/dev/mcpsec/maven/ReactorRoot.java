package dev.mcpsec.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Finds the root of the reactor a directory belongs to: walks up while the parent folder's {@code
 * pom.xml} lists the current folder among its {@code <modules>}. So {@code cd module && mvn verify}
 * scans the same tree as the full build.
 */
final class ReactorRoot {
    /** Bound on the walk up, so a strange tree cannot loop. */
    private static final int MAX_LEVELS = 32;

    private ReactorRoot() {}

    /**
     * The top of the module chain above {@code dir}, or {@code dir} itself when no parent POM lists
     * it.
     */
    static File find(File dir) {
        Path current = dir.toPath().toAbsolutePath().normalize();
        for (int i = 0; i < MAX_LEVELS; i++) {
            Path parent = current.getParent();
            if (parent == null
                    || !Files.isRegularFile(parent.resolve("pom.xml"))
                    || !modules(parent.resolve("pom.xml")).contains(current)) {
                break;
            }
            current = parent;
        }
        return current.toFile();
    }

    /**
     * The module directories a POM lists (its own and its profiles'), resolved against its folder.
     */
    static List<Path> modules(Path pom) {
        List<Path> out = new ArrayList<>();
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            Document doc = f.newDocumentBuilder().parse(pom.toFile());
            NodeList modules = doc.getElementsByTagName("module");
            for (int i = 0; i < modules.getLength(); i++) {
                String text = modules.item(i).getTextContent().trim();
                if (text.isEmpty()) {
                    continue;
                }
                Path m = pom.getParent().resolve(text).normalize();
                out.add(
                        m.getFileName() != null && m.getFileName().toString().endsWith(".xml")
                                ? m.getParent()
                                : m);
            }
        } catch (IOException
                | javax.xml.parsers.ParserConfigurationException
                | org.xml.sax.SAXException e) {
            // a parent POM that does not parse is not a reactor parent we can follow: stop the walk
            // there
            return List.of();
        }
        return out;
    }
}
