"""Count words with one producer and several consumer threads sharing a queue.Queue.

Run: python3 wordcount.py
"""

import queue
from concurrent.futures import ThreadPoolExecutor

SENTINEL = object()  # no line can ever be this object


def produce(lines, q, consumers):
    for line in lines:
        q.put(line)
    for _ in range(consumers):
        q.put(SENTINEL)  # one per consumer: each get() takes exactly one item


def consume(q):
    words = 0
    while (line := q.get()) is not SENTINEL:
        words += len(line.split())
    return words


def count_words(lines, workers=4):
    q = queue.Queue(maxsize=64)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        counts = [pool.submit(consume, q) for _ in range(workers)]
        produce(lines, q, workers)
        return sum(c.result() for c in counts)


if __name__ == "__main__":
    poem = ["so much depends", "upon", "", "a red wheel", "barrow", "", "glazed with rain", "water"]
    print(count_words(poem))  # 12
