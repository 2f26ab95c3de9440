# Stream a table to a slow client, one line per row; stop when it leaves.
# Run: python3 export.py
import asyncio

read = 0


async def row(table, i):
    global read
    await asyncio.sleep(0.01)
    read += 1
    return f"{table}-{i}" if i < 1000 else None


async def scan(table):
    """Pull-based: the next row is read only when the loop asks for it."""
    i = 0
    while (r := await row(table, i)) is not None:
        yield r
        i += 1


async def export_table(table, write):
    async for r in scan(table):
        await write(r)  # when the client leaves, the handler task is cancelled here


async def main():
    received = []

    async def write(line):
        await asyncio.sleep(0.05)  # a slow link
        received.append(line)

    handler = asyncio.create_task(export_table("orders", write))
    await asyncio.sleep(0.175)
    handler.cancel()  # the client hung up: the server cancels the handler's task
    try:
        await handler
    except asyncio.CancelledError:
        print("stopped: client gone")
    print("sent", received, "rows read:", read)


asyncio.run(main())
