package dev.mcpsec.extract;

import dev.mcpsec.api.ScanLimits;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.discovery.DiscoveredFile;
import dev.mcpsec.discovery.Discovery;
import dev.mcpsec.facts.HiddenText;
import dev.mcpsec.project.ProjectConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The instruction files assistants read into their prompt ({@code hidden-instructions}): the memory
 * files of Claude Code, Codex and Gemini CLI, {@code .cursorrules}, {@code .cursor/rules/*.mdc},
 * Copilot's repository instructions, {@code .windsurfrules}, {@code .clinerules}, ... at any depth
 * ({@link #NAMES} and {@link #FOLDERS}; the list is in docs/checklist/hidden-instructions.md). Each
 * is searched for invisible and direction-changing characters; nothing else is read from them.
 */
public final class InstructionFiles {
    /** Instruction files by name, wherever they are. */
    static final Set<String> NAMES =
            Set.of(
                    ".cursorrules",
                    "CLAUDE.md",
                    "CLAUDE.local.md",
                    "AGENTS.md",
                    "AGENTS.override.md",
                    "GEMINI.md",
                    ".windsurfrules",
                    ".clinerules",
                    ".roorules",
                    ".goosehints",
                    "copilot-instructions.md");

    /** Folders whose text files are instructions (rules, steering, agent and command prompts). */
    static final List<String> FOLDERS =
            List.of(
                    ".cursor/rules",
                    ".windsurf/rules",
                    ".clinerules",
                    ".roo/rules",
                    ".kiro/steering",
                    ".amazonq/rules",
                    ".github/instructions",
                    ".github/prompts",
                    ".claude/agents",
                    ".claude/commands",
                    ".continue/rules",
                    ".junie",
                    ".trae/rules");

    private InstructionFiles() {}

    /**
     * True when {@code rel} (forward slashes, relative to the scan root) is an instruction file.
     */
    static boolean isInstructionFile(String rel) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        if (NAMES.contains(name)) {
            return true;
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (!(lower.endsWith(".md")
                || lower.endsWith(".mdc")
                || lower.endsWith(".txt")
                || !lower.contains("."))) {
            return false;
        }
        String path = "/" + rel;
        for (String folder : FOLDERS) {
            int at = path.indexOf("/" + folder + "/");
            if (at >= 0) {
                return true;
            }
        }
        // .roo/rules-<mode>/ folders hold per-mode rules
        return path.matches(".*/\\.roo/rules-[^/]+/[^/]+");
    }

    /**
     * The hidden-character facts of every instruction file under {@code root} that the project
     * configuration does not exclude, within the walk depth, file count and file size limits; what
     * is left out becomes a warning.
     */
    public static List<HiddenText> scan(
            Path root,
            ProjectConfig config,
            ScanLimits limits,
            SettingFacts masker,
            List<ScanWarning> warnings) {
        List<HiddenText> out = new ArrayList<>();
        int[] files = {0};
        try {
            Files.walkFileTree(
                    root,
                    EnumSet.noneOf(FileVisitOption.class),
                    limits.maxWalkDepth() + 1,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(
                                Path dir, BasicFileAttributes attrs) {
                            return !dir.equals(root)
                                            && Discovery.skippedDirectory(
                                                    dir.getFileName().toString())
                                    ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (!attrs.isRegularFile()) {
                                return FileVisitResult.CONTINUE;
                            }
                            String rel = root.relativize(file).toString().replace('\\', '/');
                            if (!isInstructionFile(rel) || config.excludes(rel)) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (++files[0] > limits.maxFiles()) {
                                warnings.add(
                                        new ScanWarning(
                                                rel,
                                                0,
                                                "more than "
                                                        + limits.maxFiles()
                                                        + " instruction files (maxFiles); the rest were not searched"));
                                return FileVisitResult.TERMINATE;
                            }
                            if (attrs.size() > limits.maxFileBytes()) {
                                warnings.add(
                                        new ScanWarning(
                                                rel,
                                                0,
                                                "instruction file larger than "
                                                        + limits.maxFileBytes()
                                                        + " bytes (maxFileBytes): not searched"));
                                return FileVisitResult.CONTINUE;
                            }
                            try {
                                String text =
                                        new String(
                                                Files.readAllBytes(file), StandardCharsets.UTF_8);
                                out.addAll(facts(rel, text, masker));
                            } catch (IOException e) {
                                warnings.add(
                                        new ScanWarning(
                                                rel,
                                                0,
                                                "cannot be read ("
                                                        + e.getClass().getSimpleName()
                                                        + "); skipped"));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException exc) {
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            warnings.add(
                    new ScanWarning(".", 0, "instruction files not searched: " + e.getMessage()));
        }
        return out;
    }

    /**
     * Hidden characters anywhere in a config file outside the values its server entries and
     * settings were searched in (server and tool descriptions, comments, other keys): one fact per
     * kind the per-value facts have not already reported for that file, with the location {@code
     * file}.
     */
    public static List<HiddenText> configFiles(
            List<DiscoveredFile> files, FactSet facts, ScanLimits limits, SettingFacts masker) {
        Set<String> reported = new HashSet<>();
        for (HiddenText h : facts.hiddenTexts()) {
            reported.add(h.file() + "\u0000" + h.kind());
        }
        List<HiddenText> out = new ArrayList<>();
        for (DiscoveredFile f : files) {
            try {
                if (Files.size(f.path()) > limits.maxFileBytes()) {
                    continue; // the parser has already reported the file as over the limit
                }
                String text = new String(Files.readAllBytes(f.path()), StandardCharsets.UTF_8);
                for (HiddenText h : facts(f.displayPath(), text, masker)) {
                    if (!reported.contains(h.file() + "\u0000" + h.kind())) {
                        out.add(
                                new HiddenText(
                                        h.file(),
                                        h.line(),
                                        h.column(),
                                        null,
                                        "file",
                                        h.kind(),
                                        h.count(),
                                        h.codepoints(),
                                        h.decoded()));
                    }
                }
            } catch (IOException | SecurityException e) {
                // unreadable configs are already reported by the parser
            }
        }
        return out;
    }

    /** The hidden-character facts of one instruction file's text. */
    static List<HiddenText> facts(String rel, String text, SettingFacts masker) {
        List<HiddenText> out = new ArrayList<>();
        for (HiddenUnicode.Hit h : HiddenUnicode.scan(text)) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < h.offset(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = text.codePointCount(lineStart, h.offset()) + 1;
            out.add(
                    new HiddenText(
                            rel,
                            line,
                            column,
                            null,
                            "instructions",
                            h.kind(),
                            h.count(),
                            h.codepoints(),
                            masker.decoded(h)));
        }
        return out;
    }
}
