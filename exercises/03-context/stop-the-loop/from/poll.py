# A polling worker: call check every `interval` seconds until the task is cancelled.
# Run: python3 poll.py
import asyncio


async def poll(check, interval):
    while True:
        await asyncio.sleep(interval)  # task.cancel() raises CancelledError here
        await check()


async def main():
    n = 0

    async def check():
        nonlocal n
        n += 1
        print("check", n)

    task = asyncio.create_task(poll(check, 0.1))
    await asyncio.sleep(0.35)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("stopped")


asyncio.run(main())
