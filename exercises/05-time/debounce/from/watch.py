"""Rebuild once a burst of file changes has gone quiet: a trailing-edge debounce.

Run: python3 watch.py
"""
import asyncio


async def watch(changes: asyncio.Queue, quiet: float, rebuild):
    loop = asyncio.get_running_loop()
    pending = set()
    handle = None

    def flush():
        if pending:
            files = sorted(pending)
            pending.clear()
            rebuild(files)

    try:
        while (name := await changes.get()) is not None:  # None: the watcher closed
            pending.add(name)
            if handle:
                handle.cancel()  # the quiet period starts over
            handle = loop.call_later(quiet, flush)
        flush()
    finally:
        if handle:
            handle.cancel()  # also when the task is cancelled: drop what is pending


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    changes = asyncio.Queue()
    task = asyncio.create_task(watch(changes, 0.03, lambda files: print(
        f"rebuild at ~{(loop.time() - start) * 1000:.0f}ms: {files}")))
    for delay, name in [(0, "a.go"), (0.01, "b.go"), (0.015, "a.go"), (0.015, "c.go"), (0.065, "d.go")]:
        await asyncio.sleep(delay)
        changes.put_nowait(name)
    await asyncio.sleep(0.1)
    changes.put_nowait(None)
    await task
    # rebuild at ~70ms: ['a.go', 'b.go', 'c.go']
    # rebuild at ~135ms: ['d.go']


if __name__ == "__main__":
    asyncio.run(main())
