// Load a "key = value" config file; exceptions keep their cause.
// Run: java ConfigLoader.java [file]
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public class ConfigLoader {
    static class ConfigException extends Exception {
        ConfigException(String message, Throwable cause) { super(message, cause); }
    }

    static class ConfigNotFoundException extends ConfigException {
        ConfigNotFoundException(String message, Throwable cause) { super(message, cause); }
    }

    static class ConfigParseException extends ConfigException {
        final int line;

        ConfigParseException(int line, String message) {
            super("line " + line + ": " + message, null);
            this.line = line;
        }
    }

    static Map<String, String> parse(List<String> lines) throws ConfigParseException {
        Map<String, String> cfg = new HashMap<>();
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            if (eq < 0) throw new ConfigParseException(n, "missing '='");
            String key = line.substring(0, eq).strip();
            if (key.isEmpty()) throw new ConfigParseException(n, "empty key");
            cfg.put(key, line.substring(eq + 1).strip());
        }
        return cfg;
    }

    static Map<String, String> load(Path path) throws ConfigException {
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (NoSuchFileException e) {
            throw new ConfigNotFoundException("load config " + path, e);
        } catch (IOException e) {
            throw new ConfigException("load config " + path, e);
        }
        try {
            return parse(lines);
        } catch (ConfigParseException e) {
            throw new ConfigException("load config " + path, e);
        }
    }

    static Map<String, String> loadOrDefaults(Path path, Map<String, String> defaults) throws ConfigException {
        try {
            return load(path);
        } catch (ConfigNotFoundException e) {
            return defaults;
        }
    }

    // catch (ConfigParseException e) only matches the top exception: walk getCause() by hand.
    static Optional<Integer> badLine(Throwable t) {
        for (; t != null; t = t.getCause()) {
            if (t instanceof ConfigParseException pe) return Optional.of(pe.line);
        }
        return Optional.empty();
    }

    public static void main(String[] args) {
        Path path = Path.of(args.length > 0 ? args[0] : "app.conf");
        try {
            System.out.println(loadOrDefaults(path, Map.of("port", "80")));
        } catch (ConfigException e) {
            System.err.println(e.getMessage() + ": " + e.getCause().getMessage() + " (bad line: " + badLine(e).orElse(-1) + ")");
        }
    }
}
