"""Retry a flaky operation with exponential backoff and full jitter: a random
wait below 0.1s, 0.2s, 0.4s ... capped at 1s.

Run: python3 retry.py
"""
import random
import time


def retry(op, attempts):
    backoff = 0.1  # time.sleep counts in seconds
    for attempt in range(1, attempts + 1):
        try:
            return op()
        except Exception:
            if attempt == attempts:
                raise
        # Full jitter: anywhere in [0, backoff). Nothing can cut this short except Ctrl-C.
        time.sleep(random.random() * backoff)
        backoff = min(backoff * 2, 1.0)


def main():
    calls = 0

    def flaky():
        nonlocal calls
        calls += 1
        if calls < 4:
            raise ConnectionError(f"attempt {calls} failed")
        return "ok"

    start = time.monotonic()
    result = retry(flaky, attempts=5)
    print(f"{result} after {time.monotonic() - start:.1f}s")  # ok after less than 0.7s


if __name__ == "__main__":
    main()
