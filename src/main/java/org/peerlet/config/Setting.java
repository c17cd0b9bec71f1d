package org.peerlet.config;

import java.util.function.Function;

/**
 * One setting: its key, its default, how to read it and what values are allowed.
 * The key is the name in {@code peerlet.properties}; the environment variable is
 * {@code PEERLET_} + the key upper-cased with dots as underscores; the flag is
 * {@code --} + the key with dots as dashes.
 */
public record Setting<T>(String key, String defaultValue, String help, Function<String, T> parser) {

    public String envName() {
        return "PEERLET_" + key.toUpperCase().replace('.', '_').replace('-', '_');
    }

    public String flagName() {
        return "--" + key.replace('.', '-').replace('_', '-');
    }

    /** Parses a raw value, naming the setting and the value when it is bad. */
    public T parse(String raw, String source) {
        try {
            return parser.apply(raw.trim());
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? "invalid" : e.getMessage();
            throw new BadSettingException(source + ": bad value for " + envName() + "=\"" + raw + "\": " + why);
        }
    }
}
