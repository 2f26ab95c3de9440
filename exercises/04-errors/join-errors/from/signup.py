"""Validate a signup form and report every problem at once, with an ExceptionGroup.

Run: python3 signup.py   (Python 3.11+)
"""


class FieldError(ValueError):
    def __init__(self, field, problem):
        super().__init__(f"{field} {problem}")
        self.field = field
        self.problem = problem


class Taken(FieldError):
    def __init__(self, field):
        super().__init__(field, "is already taken")


def validate(username="", email="", password=""):
    errors = []
    if not username:
        errors.append(FieldError("username", "is required"))
    elif len(username) < 3:
        errors.append(FieldError("username", "is too short"))
    if not email:
        errors.append(FieldError("email", "is required"))
    elif "@" not in email:
        errors.append(FieldError("email", "is not a valid address"))
    if not password:
        errors.append(FieldError("password", "is required"))
    elif len(password) < 8:
        errors.append(FieldError("password", "is too short"))
    if errors:
        raise ExceptionGroup("invalid signup", errors)


users = {}


def register(**form):
    errors = []
    try:
        validate(**form)
    except ExceptionGroup as eg:
        errors.extend(eg.exceptions)
    if form["username"] in users:
        errors.append(Taken("username"))
    if errors:
        raise ExceptionGroup(f"register {form['username']}", errors)
    users[form["username"]] = form


if __name__ == "__main__":
    register(username="ada", email="ada@example.com", password="analytical engine")
    try:
        register(username="ada", email="ada.example.org", password="short")
    except* Taken as eg:
        print("taken:", [e.field for e in eg.exceptions])
    except* FieldError as eg:
        print("invalid:", [(e.field, e.problem) for e in eg.exceptions])
