"""Publish/subscribe with one asyncio.Queue per subscriber: publish never
waits (put_nowait), a subscriber with maxsize messages waiting misses the
message, and unsubscribing puts a None that ends its loop.
Run: python3 hub.py
"""

import asyncio


class Hub:
    def __init__(self):
        self._queues = {}  # queue -> maxsize

    def subscribe(self, maxsize):
        q = asyncio.Queue()  # publish keeps it to maxsize, so the None always fits
        self._queues[q] = maxsize

        def unsubscribe():
            if self._queues.pop(q, None) is not None:  # safe to call twice
                q.put_nowait(None)

        return q, unsubscribe

    def publish(self, msg):
        delivered = 0
        for q, maxsize in list(self._queues.items()):
            if q.qsize() < maxsize:
                q.put_nowait(msg)
                delivered += 1
            # else: a slow subscriber misses it rather than stall everyone
        return delivered


async def listen(name, q):
    while (msg := await q.get()) is not None:
        print(f"{name}: {msg}")
    print(f"{name}: unsubscribed")


async def main():
    hub = Hub()
    fast, unsubscribe_fast = hub.subscribe(maxsize=2)
    slow, unsubscribe_slow = hub.subscribe(maxsize=2)  # nobody reads it
    listener = asyncio.create_task(listen("fast", fast))
    for i in range(1, 5):
        print(f"tick {i} delivered to {hub.publish(f'tick {i}')}")
        await asyncio.sleep(0.01)
    unsubscribe_fast()
    unsubscribe_slow()
    unsubscribe_slow()
    await listener


if __name__ == "__main__":
    asyncio.run(main())
