"""Merge the event streams of two gateways: each event once, in time order.

Run: python3 merge.py
"""
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Event:
    sensor: str
    at: datetime  # aware: the gateway writes its own offset
    gateway: str


def same(a: Event, b: Event) -> bool:
    # Aware datetimes compare (and hash) by instant, whatever their tzinfo.
    return a.sensor == b.sensor and a.at == b.at


def merge(*streams):
    seen = set()
    out = []
    for e in sorted((e for s in streams for e in s), key=lambda e: e.at):  # stable
        key = (e.sensor, e.at)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def ev(sensor, at, gateway):
    return Event(sensor, datetime.fromisoformat(at), gateway)


def main():
    a = [ev("door-3", "2026-03-09T08:00:00.250Z", "a"), ev("door-3", "2026-03-09T08:00:00.750Z", "a")]
    b = [ev("door-3", "2026-03-09T09:00:00.250+01:00", "b"), ev("motion-2", "2026-03-09T09:02:00+01:00", "b")]
    print(same(a[0], b[0]))  # True
    for e in merge(a, b):
        print(e.sensor, e.at.isoformat(), e.gateway)


if __name__ == "__main__":
    main()
