"""Merge two feeds of the same updates, each seq once, until both have ended.

Each feed's pump puts one END marker on the queue when it is exhausted, so
counting the markers is enough.
Run: python3 merge.py
"""

import asyncio
from dataclasses import dataclass

END = object()


@dataclass
class Update:
    seq: int
    text: str


async def merge(primary, backup):
    queue = asyncio.Queue()

    async def pump(feed):
        async for update in feed:
            await queue.put(update)
        await queue.put(END)  # once per feed

    tasks = [asyncio.create_task(pump(feed)) for feed in (primary, backup)]
    seen, open_feeds = set(), 2
    while open_feeds:
        update = await queue.get()
        if update is END:
            open_feeds -= 1
            continue
        if update.seq in seen:
            continue  # a copy: the other feed was first
        seen.add(update.seq)
        yield update
    await asyncio.gather(*tasks)


async def feed(name, steps):
    for delay, seq in steps:
        await asyncio.sleep(delay)
        yield Update(seq, f"{name} {seq}")


async def main():
    primary = feed("primary", [(0, 1), (0.04, 3)])  # lost 2, ends early
    backup = feed("backup", [(0.02, 1), (0.01, 2), (0.04, 3), (0.03, 4)])
    async for update in merge(primary, backup):
        print(update)
    print("both feeds ended")


if __name__ == "__main__":
    asyncio.run(main())
