# Render a document, but give the caller an answer within a time limit.
# Run: python3 render.py
import asyncio


async def render(doc, pages):
    for _ in range(pages):
        await asyncio.sleep(0.03)  # one page; cancelling the task raises CancelledError here
    return f"{doc}: {pages} pages"


async def main():
    print(await asyncio.wait_for(render("invoice.pdf", 3), timeout=0.3))
    try:
        # wait_for cancels the render task on timeout, and waits for it to end.
        await asyncio.wait_for(render("report.pdf", 30), timeout=0.3)
    except TimeoutError:
        print("gave up: timed out")


asyncio.run(main())
