"""Ask every replica, keep the first answer, give up after a timeout.

Run: python3 first.py
"""

import asyncio


async def first(query, replicas, timeout):
    tasks = [asyncio.create_task(ask(query)) for ask in replicas]
    try:
        done, _ = await asyncio.wait(tasks, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()  # the losers are cancelled at their next await
    if not done:
        raise TimeoutError(f"no replica answered within {timeout}s")
    return done.pop().result()


def replica(name, delay):
    async def ask(query):
        await asyncio.sleep(delay)
        return f"{name}: {query}"

    return ask


async def main():
    print(await first("users/42", [replica("eu", 0.3), replica("us", 0.01), replica("ap", 1.5)], 1))
    try:
        await first("users/42", [replica("eu", 1.5)], 1)
    except TimeoutError as err:
        print(err)


if __name__ == "__main__":
    asyncio.run(main())
