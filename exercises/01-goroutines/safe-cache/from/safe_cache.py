"""A memoizing cache in asyncio: the dict holds tasks, not values. The first
caller for a key starts the fetch; callers that arrive while it runs await
the same task, so each key is fetched once. No lock: the event loop runs one
coroutine at a time, and nothing awaits between the lookup and the insert.
Run: python3 safe_cache.py
"""

import asyncio
import time
from collections import Counter

fetches = Counter()


async def fetch_avatar(user):
    fetches[user] += 1
    await asyncio.sleep(0.3 if user == "slow" else 0.05)
    return f"https://cdn.example/{user}.png"


class Cache:
    def __init__(self, fetch):
        self._fetch = fetch
        self._tasks = {}  # key -> Task

    async def get(self, key):
        task = self._tasks.get(key)
        if task is None:
            task = asyncio.create_task(self._fetch(key))
            self._tasks[key] = task
        return await task


async def main():
    cache = Cache(fetch_avatar)
    started = time.monotonic()
    slow = asyncio.create_task(cache.get("slow"))
    users = ["ada", "ada", "grace", "ada", "grace"]
    urls = await asyncio.gather(*(cache.get(u) for u in users))
    print(urls, dict(fetches), f"{time.monotonic() - started:.2f}s")  # once each, before slow is done
    await slow


if __name__ == "__main__":
    asyncio.run(main())
