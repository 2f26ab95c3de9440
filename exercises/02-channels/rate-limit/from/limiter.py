"""A token bucket in asyncio: the bucket is a Queue with room for burst
tokens, a task puts one back every interval (dropping it when the bucket is
full), and acquire() takes one. Cancelling the task stops the refills.
Run: python3 limiter.py
"""

import asyncio
import time


class Limiter:
    def __init__(self, burst, every):
        self._tokens = asyncio.Queue(maxsize=burst)
        for _ in range(burst):
            self._tokens.put_nowait(None)
        self._refill = asyncio.create_task(self._run(every))

    async def _run(self, every):
        while True:
            await asyncio.sleep(every)
            try:
                self._tokens.put_nowait(None)
            except asyncio.QueueFull:
                pass  # the bucket is full: this token is lost

    async def acquire(self):
        await self._tokens.get()

    def stop(self):
        self._refill.cancel()


async def main():
    limiter = Limiter(burst=3, every=0.1)
    start = time.monotonic()
    try:
        for i in range(1, 7):
            await limiter.acquire()
            print(f"call {i} at {time.monotonic() - start:.1f}s")  # 0.0, 0.0, 0.0, 0.1, 0.2, 0.3
        await asyncio.wait_for(limiter.acquire(), timeout=0.05)
    except TimeoutError:
        print(f"gave up at {time.monotonic() - start:.2f}s")
    finally:
        limiter.stop()


if __name__ == "__main__":
    asyncio.run(main())
