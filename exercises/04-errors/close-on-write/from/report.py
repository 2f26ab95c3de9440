"""Save a report to a file; `with` closes it, and a failing flush or close raises.

Run: python3 report.py [file]   (try /dev/full on Linux: the error surfaces at the final flush)
"""
import os
import sys
from dataclasses import dataclass


@dataclass
class Row:
    name: str
    count: int


@dataclass
class Report:
    title: str
    rows: list[Row]


def save(path, report):
    with open(path, "w") as f:  # __exit__ calls f.close(), which flushes and may raise
        f.write(f"# {report.title}\n")
        for row in report.rows:
            f.write(f"{row.name}\t{row.count}\n")
        f.flush()  # Python's buffer to the kernel
        os.fsync(f.fileno())  # the kernel's cache to the disk: close() alone does not


if __name__ == "__main__":
    report = Report("requests", [Row("GET", 12), Row("POST", 3)])
    try:
        save(sys.argv[1] if len(sys.argv) > 1 else "report.txt", report)
        print("saved")
    except OSError as e:
        print(f"save report: {e}", file=sys.stderr)
