"""A health checker configured in milliseconds and seconds, as the config file says.

Run: python3 checker.py
"""
import json
import socket
import time

config = json.loads('{"timeoutMs": 50, "intervalSeconds": 0.1}')

timeout = config.get("timeoutMs", 1500) / 1000  # socket timeouts count in seconds
interval = config.get("intervalSeconds", 10)      # time.sleep too, floats welcome


def check(n):
    # Stands in for socket.create_connection((host, port), timeout=timeout).
    a, b = socket.socketpair()
    with a, b:
        a.settimeout(timeout)
        b.send(b"ok")
        print(f"check {n} {a.recv(2).decode()} (timeout {timeout}s, every {interval}s)")


for n in range(1, 4):
    time.sleep(interval)
    check(n)
