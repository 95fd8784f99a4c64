package dev.mcpsec.extract;

import dev.mcpsec.facts.AdvisoryMatch;
import dev.mcpsec.facts.ClientCommand;
import dev.mcpsec.facts.ClientRedirect;
import dev.mcpsec.facts.ClientSetting;
import dev.mcpsec.facts.ConfigFile;
import dev.mcpsec.facts.Credential;
import dev.mcpsec.facts.DatabaseTarget;
import dev.mcpsec.facts.EnvReference;
import dev.mcpsec.facts.FilesystemRoot;
import dev.mcpsec.facts.HiddenText;
import dev.mcpsec.facts.HistoryCredential;
import dev.mcpsec.facts.IncompleteConfig;
import dev.mcpsec.facts.LaunchRisk;
import dev.mcpsec.facts.LookAlike;
import dev.mcpsec.facts.McpServer;
import dev.mcpsec.facts.PolicyData;
import dev.mcpsec.facts.ReviewRecord;
import dev.mcpsec.facts.RotationRecord;
import dev.mcpsec.facts.SecretOccurrence;
import dev.mcpsec.facts.ServerInput;
import dev.mcpsec.facts.SkippedConfigs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The facts of one scan, kept by type (a caller asks for {@link #servers()} or {@link
 * #credentials()}, never searches a bag of objects) and in the order they were found, which is the
 * order the rule session receives them.
 */
public final class FactSet {
    private final List<Object> inOrder = new ArrayList<>();
    private final List<ConfigFile> configFiles = new ArrayList<>();
    private final List<McpServer> servers = new ArrayList<>();
    private final List<Credential> credentials = new ArrayList<>();
    private final List<HiddenText> hiddenTexts = new ArrayList<>();

    public void add(ConfigFile fact) {
        configFiles.add(fact);
        inOrder.add(fact);
    }

    public void add(McpServer fact) {
        servers.add(fact);
        inOrder.add(fact);
    }

    public void add(Credential fact) {
        credentials.add(fact);
        inOrder.add(fact);
    }

    public void add(ClientSetting fact) {
        inOrder.add(fact);
    }

    public void add(ClientCommand fact) {
        inOrder.add(fact);
    }

    public void add(ClientRedirect fact) {
        inOrder.add(fact);
    }

    public void add(HiddenText fact) {
        hiddenTexts.add(fact);
        inOrder.add(fact);
    }

    public void add(EnvReference fact) {
        inOrder.add(fact);
    }

    public void add(DatabaseTarget fact) {
        inOrder.add(fact);
    }

    public void add(FilesystemRoot fact) {
        inOrder.add(fact);
    }

    public void add(HistoryCredential fact) {
        inOrder.add(fact);
    }

    public void add(SecretOccurrence fact) {
        inOrder.add(fact);
    }

    public void add(ServerInput fact) {
        inOrder.add(fact);
    }

    public void add(ReviewRecord fact) {
        inOrder.add(fact);
    }

    public void add(RotationRecord fact) {
        inOrder.add(fact);
    }

    public void add(PolicyData fact) {
        inOrder.add(fact);
    }

    public void add(LaunchRisk fact) {
        inOrder.add(fact);
    }

    public void add(AdvisoryMatch fact) {
        inOrder.add(fact);
    }

    public void add(LookAlike fact) {
        inOrder.add(fact);
    }

    public void add(IncompleteConfig fact) {
        inOrder.add(fact);
    }

    public void add(SkippedConfigs fact) {
        inOrder.add(fact);
    }

    /**
     * Appends every fact of {@code other}, in its order, as if each had been added here: facts
     * gathered apart (one config file on another thread) join the scan's facts in discovery order.
     */
    public void addAll(FactSet other) {
        inOrder.addAll(other.inOrder);
        configFiles.addAll(other.configFiles);
        servers.addAll(other.servers);
        credentials.addAll(other.credentials);
        hiddenTexts.addAll(other.hiddenTexts);
    }

    /** The config files parsed, in discovery order. */
    public List<ConfigFile> configFiles() {
        return Collections.unmodifiableList(configFiles);
    }

    /** The servers configured, in file order. */
    public List<McpServer> servers() {
        return Collections.unmodifiableList(servers);
    }

    /** The credentials found in current files (configs and the env files they load). */
    public List<Credential> credentials() {
        return Collections.unmodifiableList(credentials);
    }

    /**
     * The hidden characters found so far (config values, config files, instruction files), in the
     * order found.
     */
    public List<HiddenText> hiddenTexts() {
        return Collections.unmodifiableList(hiddenTexts);
    }

    /** Every fact, in the order found: what the rule session is given. */
    public List<Object> all() {
        return Collections.unmodifiableList(inOrder);
    }

    /** How many facts there are. */
    public int size() {
        return inOrder.size();
    }
}
