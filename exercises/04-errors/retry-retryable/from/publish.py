"""Retry a publish only when the failure may go away: sort exceptions by class.

Run: python3 publish.py
"""
import random
import time


class Unavailable(Exception):
    pass


class Throttled(Exception):
    pass


class Rejected(Exception):
    pass


def retry(op, attempts):
    delay = 0.1
    for attempt in range(1, attempts + 1):
        try:
            return op()
        except (Unavailable, Throttled, TimeoutError):  # socket timeouts are TimeoutError
            if attempt == attempts:
                raise
        # Full jitter: a random wait in [0, delay), so the clients that failed
        # together do not all come back together.
        time.sleep(random.random() * delay)
        delay = min(delay * 2, 1.0)


def broker(*failures):
    """A broker that fails with the given exceptions, then takes the message."""
    failures = list(failures)
    calls = 0

    def publish():
        nonlocal calls
        calls += 1
        if failures:
            raise failures.pop(0)
        return f"published after {calls} calls"

    return publish


if __name__ == "__main__":
    print(retry(broker(Unavailable("broker unavailable"), TimeoutError("timed out")), 5))  # after 3 calls
    try:
        retry(broker(Rejected("message too large")), 5)
    except Rejected as e:
        print(f"gave up at once: {e}")
