"""Load a "key = value" config file; errors keep their cause (raise ... from).

Run: python3 config.py [file]
"""
import sys


class ConfigError(Exception):
    pass


class ConfigNotFound(ConfigError):
    pass


class ParseError(ConfigError):
    def __init__(self, line, msg):
        super().__init__(f"line {line}: {msg}")
        self.line = line


def parse(text):
    cfg = {}
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        if not sep:
            raise ParseError(n, "missing '='")
        if not key.strip():
            raise ParseError(n, "empty key")
        cfg[key.strip()] = value.strip()
    return cfg


def load(path):
    try:
        with open(path) as f:
            text = f.read()
    except FileNotFoundError as e:
        raise ConfigNotFound(f"load config {path}") from e
    except OSError as e:
        raise ConfigError(f"load config {path}") from e
    try:
        return parse(text)
    except ParseError as e:
        raise ConfigError(f"load config {path}") from e


def load_or_defaults(path, defaults):
    try:
        return load(path)
    except ConfigNotFound:
        return defaults


def bad_line(err):
    """Walk __cause__ by hand: except ParseError only matches the top exception."""
    while err is not None:
        if isinstance(err, ParseError):
            return err.line
        err = err.__cause__
    return None


if __name__ == "__main__":
    try:
        print(load_or_defaults(sys.argv[1] if len(sys.argv) > 1 else "app.conf", {"port": "80"}))
    except ConfigError as e:
        print(f"{e}: {e.__cause__} (bad line: {bad_line(e)})", file=sys.stderr)
