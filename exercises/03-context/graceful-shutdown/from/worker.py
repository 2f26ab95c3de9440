# A queue worker that shuts down gracefully: on SIGTERM it stops taking
# jobs, gives the running ones a grace period, then exits.
# Run: python3 worker.py
import asyncio
import os
import signal

GRACE = 0.2


async def job(i):
    await asyncio.sleep(0.05 + (i * 37 % 100) / 1000)
    print(f"job {i} done")


async def main():
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.call_later(0.1, os.kill, os.getpid(), signal.SIGTERM)  # the orchestrator stops us

    running, i = set(), 0
    while not stop.is_set():
        i += 1
        running.add(asyncio.create_task(job(i)))
        try:
            await asyncio.wait_for(stop.wait(), 0.02)  # the next job arrives in 20ms
        except asyncio.TimeoutError:  # the builtin TimeoutError since Python 3.11
            pass

    running = {t for t in running if not t.done()}
    print(f"SIGTERM: {len(running)} jobs running, taking no more")
    _, late = await asyncio.wait(running, timeout=GRACE)
    for t in late:
        t.cancel()  # the grace period is over
    await asyncio.gather(*late, return_exceptions=True)
    print("drained")


asyncio.run(main())
