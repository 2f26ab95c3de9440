"""Record how long named operations take: count, mean and max per name.

Run: python3 latency.py
"""
import threading
import time


class Latency:
    def __init__(self):
        self._lock = threading.Lock()
        self._stats = {}  # name -> [count, total, max], in seconds

    def track(self, name, op):
        # perf_counter(), not time.time(): the wall clock can be set back mid-call.
        start = time.perf_counter()
        try:
            return op()
        finally:
            self._record(name, time.perf_counter() - start)

    def _record(self, name, seconds):
        with self._lock:
            s = self._stats.setdefault(name, [0, 0.0, 0.0])
            s[0] += 1
            s[1] += seconds
            s[2] = max(s[2], seconds)

    def mean(self, name):
        with self._lock:
            count, total, _ = self._stats.get(name, [0, 0.0, 0.0])
            return total / count if count else 0.0

    def max(self, name):
        with self._lock:
            return self._stats.get(name, [0, 0.0, 0.0])[2]


def main():
    latency = Latency()
    latency.track("db", lambda: time.sleep(0.02))
    latency.track("db", lambda: time.sleep(0.04))
    try:
        latency.track("db", lambda: 1 / 0)
    except ZeroDivisionError:
        pass
    print(f"db: mean {latency.mean('db') * 1000:.1f}ms, max {latency.max('db') * 1000:.1f}ms")


if __name__ == "__main__":
    main()
