# Lend a pooled connection for as long as a request (an asyncio task) lives:
# it goes back when the handler releases it or when the task ends, whichever
# comes first, and only once.
# Run: python3 pool.py
import asyncio


class Pool:
    def __init__(self, n):
        self.idle = [i + 1 for i in range(n)]

    def acquire(self):
        task = asyncio.current_task()
        conn = self.idle.pop()

        def on_done(_task):
            self.idle.append(conn)

        task.add_done_callback(on_done)

        def release():
            # remove_done_callback returns how many it removed: 0 means
            # the callback has run already, or an earlier release removed it.
            if task.remove_done_callback(on_done):
                self.idle.append(conn)

        return conn, release


async def main():
    pool = Pool(2)

    async def handler(release_it):
        conn, release = pool.acquire()
        print("lent", conn, "idle:", pool.idle)
        await asyncio.sleep(0.01)
        if release_it:
            release()
            release()  # twice: does nothing

    await asyncio.create_task(handler(True))
    print("released, idle:", sorted(pool.idle))

    task = asyncio.create_task(handler(False))
    await asyncio.sleep(0.001)
    task.cancel()  # the client went away
    await asyncio.gather(task, return_exceptions=True)
    await asyncio.sleep(0)  # done callbacks run on the next loop turn
    print("cancelled, idle:", sorted(pool.idle))


asyncio.run(main())
