"""Billing dates of a plan billed on the 31st, at 09:00 Berlin time.

Run: python3 billing.py
"""
import calendar
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")
DAY = 31


def due(year, month):  # months run 1..12
    last = calendar.monthrange(year, month)[1]
    return datetime(year, month, min(DAY, last), 9, 0, tzinfo=BERLIN)


def next_due(last):
    # datetime has no "plus a month"; go through (year, month).
    year, month = divmod(last.year * 12 + last.month, 12)  # the month after last, as 0..11
    return due(year, month + 1)


def year(y):
    return [due(y, m) for m in range(1, 13)]


def retry_at(failed):
    # Aware datetime + timedelta(days=1) keeps the wall clock: 10:00 stays 10:00 across DST.
    return failed + timedelta(days=1)


def main():
    print(" ".join(str(d.day) for d in year(2026)))  # 31 28 31 30 31 30 31 31 30 31 30 31
    print(next_due(due(2026, 1)), next_due(next_due(due(2026, 1))))  # 28 Feb, then 31 Mar
    print(retry_at(datetime(2026, 3, 28, 10, 0, tzinfo=BERLIN)))  # 2026-03-29 10:00:00+02:00


if __name__ == "__main__":
    main()
