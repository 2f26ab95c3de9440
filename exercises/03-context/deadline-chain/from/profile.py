# A handler with a budget: load the user, then their orders, all within 0.5s.
# If the caller cancels our task, the cancellation reaches both awaits too.
# Run: python3 profile.py (Python 3.11+, for asyncio.timeout)
import asyncio

BUDGET = 0.5


async def load_profile(user_id, backend):
    async with asyncio.timeout(BUDGET):
        user = await backend.user(user_id)
        orders = await backend.orders(user["id"])
    return {"user": user, "orders": orders}


class FakeBackend:
    """Each call takes a fixed time; cancelling the task interrupts the sleep."""

    def __init__(self, user_takes, orders_takes):
        self.user_takes, self.orders_takes = user_takes, orders_takes

    async def user(self, user_id):
        await asyncio.sleep(self.user_takes)
        return {"id": user_id, "name": "Ada"}

    async def orders(self, user_id):
        await asyncio.sleep(self.orders_takes)
        return [{"id": "o1", "cents": 1250}]


async def main():
    print(await load_profile("u1", FakeBackend(0.1, 0.15)))
    try:
        await load_profile("u1", FakeBackend(0.3, 0.3))
    except TimeoutError:
        print("gave up: over budget")


asyncio.run(main())
