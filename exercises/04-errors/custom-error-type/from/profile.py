"""An API client whose errors carry the HTTP status, like requests.HTTPError.

Callers catch the class and read the field.
Run: python3 profile.py
"""
import os
from urllib.parse import quote


class HTTPError(Exception):
    def __init__(self, method, url, status):
        super().__init__(f"{method} {url}: {status}")
        self.status = status


# Stands in for an HTTP client: a response per user, or a network failure.
RESPONSES = {"ada": (200, {"user": "ada", "name": "Ada Lovelace"}), "eve": (403, None), "bob": (500, None)}


def send(method, url):
    user = url.rsplit("/", 1)[-1]
    if user == "down":
        raise ConnectionRefusedError("connection refused")
    return RESPONSES.get(user, (404, None))


BASE_URL = "https://api.example"
GUEST = {"name": "Guest"}


def profile(user):
    url = f"{BASE_URL}/users/{quote(user)}"
    status, body = send("GET", url)
    if not 200 <= status < 300:
        raise HTTPError("GET", url, status)
    return body


def profile_or_guest(user):
    try:
        return profile(user)
    except HTTPError as e:
        if e.status == 404:
            return GUEST
        raise


def exit_code(err):
    match err:
        case HTTPError(status=404):
            return os.EX_NOUSER  # 67
        case HTTPError(status=401 | 403):
            return os.EX_NOPERM  # 77
        case HTTPError(status=s) if s >= 500:
            return os.EX_UNAVAILABLE  # 69
        case _:
            return 1


if __name__ == "__main__":
    print(profile_or_guest("ada"), profile_or_guest("nobody"))
    for user in ("eve", "bob", "down"):
        try:
            profile(user)
        except Exception as e:
            print(f"{user}: exit {exit_code(e)} ({e})")  # 77, 69, 1
