"""A user service: the store raises NotFound or Conflict, callers catch them by class.

Run: python3 users.py
"""
from dataclasses import dataclass


class NotFound(LookupError):
    pass


class Conflict(Exception):
    pass


@dataclass
class User:
    id: int
    name: str


class MemoryStore:
    def __init__(self):
        self.users = {}

    def by_name(self, name):
        try:
            return self.users[name]
        except KeyError:
            raise NotFound(f"user {name} not found") from None

    def create(self, name):
        if name in self.users:
            raise Conflict(f"user {name} already exists")
        user = self.users[name] = User(len(self.users) + 1, name)
        return user


def get_or_create(store, name):
    try:
        return store.by_name(name)
    except NotFound:
        pass
    try:
        return store.create(name)
    except Conflict:
        return store.by_name(name)  # created meanwhile


def status_for(err):
    match err:
        case NotFound():
            return 404
        case Conflict():
            return 409
        case TimeoutError():
            return 504
        case _:
            return 500


if __name__ == "__main__":
    store = MemoryStore()
    print(get_or_create(store, "ada"), get_or_create(store, "ada"))  # created, then found
    for op in (lambda: store.by_name("grace"), lambda: store.create("ada")):
        try:
            op()
        except Exception as e:
            print(status_for(e), e)  # 404 user grace not found, 409 user ada already exists
