"""asyncio.TaskGroup: the first task that raises cancels the others, the
group waits until every task has finished, and then raises. (The group
raises an ExceptionGroup; except* picks the failure out of it.)
Run: python3 first_error.py   (Python 3.11+)
"""

import asyncio
import time

# Stands in for an HTTP client: b fails fast, the others are slow.
DELAYS = {"https://a.example": 0.3, "https://b.example": 0.1, "https://c.example": 0.3}


async def fetch_text(url):
    try:
        await asyncio.sleep(DELAYS[url])
    except asyncio.CancelledError:
        print(f"{url} cancelled")
        raise
    if url == "https://b.example":
        raise ConnectionError(f"fetch {url}: 503 service unavailable")
    return f"body of {url}"


async def fetch_all(urls):
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch_text(url)) for url in urls]
    return [t.result() for t in tasks]


async def main():
    started = time.monotonic()
    try:
        await fetch_all(list(DELAYS))
    except* ConnectionError as group:
        print(group.exceptions[0], f"after {time.monotonic() - started:.1f}s")  # ~0.1s


if __name__ == "__main__":
    asyncio.run(main())
