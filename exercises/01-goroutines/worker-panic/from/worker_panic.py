"""asyncio.gather(..., return_exceptions=True): every job runs, and a job
that raises (a bug such as a KeyError included) hands back its exception,
traceback attached, in place of its result. The other jobs and the process
carry on.
Run: python3 worker_panic.py
"""

import asyncio
import traceback


async def handle(job):
    await asyncio.sleep(0.05)
    fields = dict(part.split("=") for part in job.split(";"))
    return f"resized {fields['file']} to {fields['size']}"  # KeyError if size is missing: a bug


async def main():
    jobs = ["file=a.png;size=200", "file=b.png", "file=c.png;size=100"]
    results = await asyncio.gather(*(handle(j) for j in jobs), return_exceptions=True)
    for job, r in zip(jobs, results):
        if isinstance(r, Exception):
            where = traceback.extract_tb(r.__traceback__)[-1]
            print(f"{job}: {type(r).__name__} {r} at {where.name}:{where.lineno}")
        else:
            print(f"{job}: {r}")


if __name__ == "__main__":
    asyncio.run(main())
