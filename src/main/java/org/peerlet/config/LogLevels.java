package org.peerlet.config;

/**
 * The log levels the settings ask for, given to slf4j-simple through its system properties:
 * they must be set before the first logger is made, so the server does it first thing.
 */
public final class LogLevels {
    private LogLevels() {
    }

    /** {@code log_level}, then each {@code name=level} of {@code log_levels}; a bad entry stops start-up. */
    public static void apply(Settings settings) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", settings.get(Settings.LOG_LEVEL));
        String all = settings.get(Settings.LOG_LEVELS).trim();
        if (all.isEmpty()) return;
        for (String entry : all.split(",")) {
            String[] kv = entry.trim().split("=", 2);
            if (kv.length != 2 || !kv[0].trim().matches("[A-Za-z0-9_.-]+")
                    || !kv[1].trim().matches("error|warn|info|debug|trace|off")) {
                throw new BadSettingException("log_levels: \"" + entry.trim() + "\" is not name=level (error, warn, info, debug, trace or off)");
            }
            System.setProperty("org.slf4j.simpleLogger.log." + kv[0].trim(), kv[1].trim());
        }
    }
}
