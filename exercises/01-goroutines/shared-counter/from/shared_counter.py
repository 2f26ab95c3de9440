"""A hit counter shared by request-handling threads. += is not atomic even
with the GIL (a thread can be switched out between the load and the store),
so it takes a lock. Reading the count does not: under the GIL reading an int
attribute is one step, and nobody sees half an int.
Run: python3 shared_counter.py
"""

import threading
from concurrent.futures import ThreadPoolExecutor


class Counter:
    def __init__(self):
        self._lock = threading.Lock()
        self._hits = 0

    def hit(self):
        with self._lock:
            self._hits += 1

    def hits(self):
        return self._hits  # no lock: "the GIL makes a read safe"

    def take(self):
        with self._lock:
            n, self._hits = self._hits, 0
            return n


def main():
    counter = Counter()

    def client():
        for _ in range(1000):
            counter.hit()

    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(8):
            pool.submit(client)
        print("hits so far:", counter.hits())
    print("took", counter.take(), "then", counter.hits())  # took 8000 then 0


if __name__ == "__main__":
    main()
