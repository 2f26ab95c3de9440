# Stream a table to a slow client, one line per row; stop when it leaves.
# Run: python3 export.py
import asyncio
import contextlib

read = 0


async def row(table, i):
    global read
    await asyncio.sleep(0.01)
    read += 1
    return f"{table}-{i}" if i < 1000 else None


async def scan(table):
    """Pull-based: the next row is read only when the loop asks for it."""
    i = 0
    try:
        while (r := await row(table, i)) is not None:
            yield r
            i += 1
    finally:
        print(f"scan closed after {i} rows")


async def export_table(table, write):
    # Leaving `async for` early does not close the generator: it stays
    # suspended at its yield until the garbage collector or the end of
    # asyncio.run finalizes it. aclosing closes it when the block is left.
    async with contextlib.aclosing(scan(table)) as rows:
        async for r in rows:
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
