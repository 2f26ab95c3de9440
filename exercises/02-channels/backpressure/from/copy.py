"""Backpressure with queue.Queue(maxsize=...): put() blocks while the queue is
full, so a fast reader thread waits for a slow writer.
Run: python3 copy.py
"""

import queue
import threading
import time

EOF_MARK = object()


def copy(read, write, ahead):
    q = queue.Queue(maxsize=ahead)  # without maxsize, put() never blocks

    def reader():
        while (chunk := read()) is not None:
            q.put(chunk)  # blocks while ahead chunks are waiting
        q.put(EOF_MARK)

    threading.Thread(target=reader, daemon=True).start()
    written = 0
    while (chunk := q.get()) is not EOF_MARK:
        write(chunk)
        written += 1
    return written


def main():
    n = 0

    def read():  # fast
        nonlocal n
        if n == 12:
            return None
        n += 1
        return f"chunk {n}"

    def write(chunk):  # slow: an upload
        time.sleep(0.02)
        print(f"wrote {chunk}, read {n} so far")

    print(f"copied {copy(read, write, ahead=4)} chunks")


if __name__ == "__main__":
    main()
