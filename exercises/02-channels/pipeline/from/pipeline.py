"""A pipeline of generators: each stage pulls from the one before it.

Nothing runs until the consumer asks for a value, and islice stops asking
after n; the generators left behind are simply garbage collected.
Run: python3 pipeline.py
"""

from dataclasses import dataclass
from itertools import islice


@dataclass
class Entry:
    level: str
    message: str


def lines(log):
    yield from log  # a real source would read a file here


def parse(source):
    for line in source:
        level, _, message = line.partition(" ")
        yield Entry(level, message)


def errors(entries):
    for entry in entries:
        if entry.level == "ERROR":
            yield entry


def first_errors(log, n):
    return list(islice(errors(parse(lines(log))), n))


if __name__ == "__main__":
    log = [
        "INFO server started",
        "ERROR disk full",
        "WARN slow request",
        "ERROR connection reset",
        "INFO request served",
        "ERROR timeout talking to db",
    ]
    print(first_errors(log, 2))
