# Every log line carries the ID of the request it belongs to, without
# passing the ID to every function: a ContextVar, which each asyncio task
# sees its own copy of.
# Run: python3 orders.py
import asyncio
from contextvars import ContextVar

request_id: ContextVar[str] = ContextVar("request_id", default="")

TAKES = {"ada": 0.1, "bob": 0.03}


def log(message):
    print(f"req={request_id.get()} {message}")


async def orders(user_id):  # the user is a parameter: orders cannot work without it
    await asyncio.sleep(TAKES[user_id])  # the store
    found = [f"{user_id}-o1"]
    log(f"loaded {len(found)} orders for {user_id}")
    return found


async def handle(rid, user_id):
    request_id.set(rid)  # only in this task's context
    log(f"GET /orders user={user_id}")
    return await orders(user_id)


async def main():
    a = asyncio.create_task(handle("req-a", "ada"))
    await asyncio.sleep(0.01)  # bob's request arrives while ada's is at the store
    await asyncio.gather(a, handle("req-b", "bob"))


asyncio.run(main())
