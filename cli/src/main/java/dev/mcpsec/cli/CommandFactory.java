package dev.mcpsec.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Creates commands with the {@link Context} they need; everything else (mixins, converters)
 * picocli's way.
 */
final class CommandFactory implements CommandLine.IFactory {
    private final Context context;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    CommandFactory(Context context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            Constructor<K> constructor = type.getDeclaredConstructor(Context.class);
            return constructor.newInstance(context);
        } catch (NoSuchMethodException e) {
            return fallback.create(type);
        }
    }
}
