"""Double-checked locking in Python: a fast check without the lock, then the
lock and a second check, so only the first caller loads and later callers
never touch the lock. (functools.cache would not do here: two threads that
miss at the same time both call load_config.)
Run: python3 lazy_init.py
"""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

_config = None
_lock = threading.Lock()
loads = 0


def load_config():
    global loads
    loads += 1
    time.sleep(0.05)  # read and parse the file
    return {"addr": ":8080", "workers": 4}


def get_config():
    global _config
    if _config is None:  # fast path, no lock
        with _lock:
            if _config is None:  # somebody may have loaded it while we waited
                _config = load_config()
    return _config


def main():
    with ThreadPoolExecutor(max_workers=10) as pool:
        configs = list(pool.map(lambda _: get_config(), range(10)))
    same = all(c is configs[0] for c in configs)
    print(configs[0], f"same object: {same}, loads: {loads}")  # loads: 1


if __name__ == "__main__":
    main()
