package dev.mcpsec.scan;

import dev.mcpsec.git.RotationRegister;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Facts from the project's registers: reviews ({@code reviewed.json}) and rotations ({@code rotation.json}). */
final class Registers {
    private Registers() {
    }

    static List<Object> load(Path root, Clock clock) {
        List<Object> facts = new ArrayList<>(ReviewRegister.records(root, clock));
        facts.addAll(RotationRegister.read(root, clock));
        return facts;
    }
}
