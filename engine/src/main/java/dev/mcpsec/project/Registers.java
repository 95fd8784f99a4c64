package dev.mcpsec.project;

import dev.mcpsec.facts.ReviewRecord;
import dev.mcpsec.facts.RotationRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Facts from the project's registers: reviews ({@code reviewed.json}) and rotations ({@code
 * rotation.json}).
 */
public final class Registers {
    private Registers() {}

    /**
     * The entries of {@code .mcpsec/reviewed.json} as facts, each with its age in days against
     * {@code clock}.
     */
    public static List<ReviewRecord> reviews(Path root, Clock clock) {
        return ReviewRegister.records(root, clock);
    }

    /**
     * The entries of {@code .mcpsec/rotation.json} as facts, overdue ones marked against {@code
     * clock}.
     */
    public static List<RotationRecord> rotations(Path root, Clock clock) {
        return RotationRegister.read(root, clock);
    }
}
