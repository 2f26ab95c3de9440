# Render a document, but give the caller an answer within a time limit.
# Run: python3 render.py
import asyncio
import time


async def render(doc, pages):
    for _ in range(pages):
        await asyncio.sleep(0)  # between pages: a cancel is delivered here, as CancelledError
        time.sleep(0.03)  # one page: blocking work that nothing can interrupt
    return f"{doc}: {pages} pages"


async def main():
    print(await asyncio.wait_for(render("invoice.pdf", 3), timeout=0.3))
    start = time.monotonic()
    try:
        # On timeout wait_for cancels the render task, then waits for it to
        # end: the page in progress delays the answer past the limit.
        await asyncio.wait_for(render("report.pdf", 30), timeout=0.3)
    except asyncio.TimeoutError:  # the builtin TimeoutError since Python 3.11
        print(f"gave up: timed out after {time.monotonic() - start:.2f}s")


asyncio.run(main())
