package io.trustspace.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of a load driver, with defaults; an unknown or valueless option is refused. */
final class DriverOptions {

    private final Map<String, String> values = new HashMap<>();

    private DriverOptions() {}

    /**
     * Parses {@code args} against the known option names.
     *
     * @throws IllegalArgumentException for an unknown option, a missing value or a stray argument
     */
    static DriverOptions parse(String[] args, Set<String> known) {
        DriverOptions options = new DriverOptions();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || !known.contains(arg.substring(2))) {
                throw new IllegalArgumentException("unknown argument '" + arg + "'; known options: --"
                        + String.join(", --", known.stream().sorted().toList()));
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            options.values.put(arg.substring(2), args[++i]);
        }
        return options;
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    long number(String name, long fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + value + "'", e);
        }
    }

    int integer(String name, int fallback) {
        return Math.toIntExact(number(name, fallback));
    }
}
