"""asyncio.Semaphore + gather: every job gets a task, but a task must hold the
semaphore to do its work, so at most `limit` jobs are in flight. The next job
starts as soon as one releases it. Results keep the order of the jobs.
Run: python3 bounded_pool.py
"""

import asyncio

in_flight = 0
max_in_flight = 0


async def process_all(jobs, limit, process_one):
    sem = asyncio.Semaphore(limit)

    async def bounded(job):
        async with sem:
            return await process_one(job)

    return await asyncio.gather(*(bounded(job) for job in jobs))


# Stands in for resizing an image or calling a rate-limited API.
async def resize(name):
    global in_flight, max_in_flight
    in_flight += 1
    max_in_flight = max(max_in_flight, in_flight)
    await asyncio.sleep(0.1)
    in_flight -= 1
    return f"{name} resized"


async def main():
    jobs = [f"img-{i}.png" for i in range(10)]
    results = await process_all(jobs, 3, resize)
    print(results, f"at most {max_in_flight} at once")


if __name__ == "__main__":
    asyncio.run(main())
