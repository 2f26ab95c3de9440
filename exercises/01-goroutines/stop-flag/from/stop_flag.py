"""A worker thread with a stop flag: a threading.Event, checked before each
job. stop() sets it and joins the thread, so when stop() returns no job is
running. (A plain bool attribute would work too under the GIL, and many
codebases use one.)
Run: python3 stop_flag.py
"""

import threading
import time


class Worker:
    def __init__(self, step):
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(step,))
        self._thread.start()

    def _run(self, step):
        while not self._stop.is_set():
            step()

    def stop(self):
        self._stop.set()
        self._thread.join()  # the job in progress finishes first


def main():
    jobs = 0

    def step():
        nonlocal jobs
        time.sleep(0.02)  # take the next job off a queue and process it
        jobs += 1

    worker = Worker(step)
    time.sleep(0.07)
    worker.stop()
    at_stop = jobs
    time.sleep(0.05)
    print(f"{at_stop} jobs when stop() returned, {jobs} after")  # the same number


if __name__ == "__main__":
    main()
