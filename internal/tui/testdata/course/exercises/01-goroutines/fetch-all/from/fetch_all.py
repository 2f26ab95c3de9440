"""asyncio.gather: run every fetch concurrently, wait for all of them, and get
the bodies back in the order of the URLs, not the order they finished.
The first exception propagates out of gather.
Run: python3 fetch_all.py
"""

import asyncio
import time

# Stands in for an aiohttp/httpx request: the first URL is the slowest.
DELAYS = {"https://a.example": 0.3, "https://b.example": 0.2, "https://c.example": 0.1}


async def fetch_all(urls, fetch_text):
    return await asyncio.gather(*(fetch_text(url) for url in urls))


async def fetch_text(url):
    await asyncio.sleep(DELAYS[url])
    return f"body of {url}"


async def main():
    started = time.monotonic()
    bodies = await fetch_all(list(DELAYS), fetch_text)
    print(bodies, f"{time.monotonic() - started:.1f}s")  # in input order, ~0.3s


if __name__ == "__main__":
    asyncio.run(main())
