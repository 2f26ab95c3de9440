# A download the user can cancel, limited in time, stopped on shutdown, and
# the caller learns WHY it stopped: the message of the CancelledError.
# Run: python3 download.py (Python 3.11+, for asyncio.timeout)
import asyncio


async def download(name, chunks):
    data = []
    for i in range(chunks):
        await asyncio.sleep(0.02)  # one chunk; task.cancel(msg) raises CancelledError(msg) here
        data.append(f"{name}#{i}")
    return data


async def download_within(name, chunks, max_seconds):
    async with asyncio.timeout(max_seconds):  # raises TimeoutError when time is up
        return await download(name, chunks)


async def main():
    print(await download_within("a.iso", 3, 0.5))

    b = asyncio.create_task(download_within("b.iso", 10, 0.5))
    await asyncio.sleep(0.05)
    b.cancel("canceled by the user")
    try:
        await b
    except asyncio.CancelledError as why:
        print("b stopped:", why.args[0])

    try:
        await download_within("c.iso", 100, 0.1)
    except TimeoutError:
        print("c stopped: too slow")


asyncio.run(main())
