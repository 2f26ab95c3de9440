"""Fan-out / fan-in with a thread pool: submit every check, and take the
results in the order they complete. as_completed knows the set of futures,
so it knows when the last one is in.
Run: python3 check_all.py
"""

import time
from concurrent.futures import ThreadPoolExecutor, as_completed

# Stands in for urllib.request.urlopen(url).status.
DELAYS = {"https://a.example": 0.3, "https://b.example": 0.1, "https://c.example": 0.2}


def check(url):
    time.sleep(DELAYS.get(url, 0.1))
    return 200


def check_all(urls, workers):
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(check, url): url for url in urls}
        for future in as_completed(futures):
            yield futures[future], future.result()


if __name__ == "__main__":
    urls = [*DELAYS, "https://d.example", "https://e.example"]
    for url, status in check_all(urls, workers=3):
        print(url, status)
    print("all checked")
