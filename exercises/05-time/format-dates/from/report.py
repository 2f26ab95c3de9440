"""Timestamps for a report, written and read in the report's time zone.

Run: python3 report.py
"""
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

STAMP = "%Y-%m-%d %H:%M"


def stamp(t: datetime, tz: ZoneInfo) -> str:
    return t.astimezone(tz).strftime(STAMP)


def parse_stamp(s: str, tz: ZoneInfo) -> datetime:
    # strptime gives a naive datetime: attach the zone the wall clock was read in.
    return datetime.strptime(s, STAMP).replace(tzinfo=tz)


def report_file(t: datetime, tz: ZoneInfo) -> str:
    return t.astimezone(tz).strftime("report-%Y-%m.csv")


def main():
    ny = ZoneInfo("America/New_York")
    t = datetime(2024, 3, 9, 19, 30, tzinfo=timezone.utc)
    print(stamp(t, ny))  # 2024-03-09 14:30
    print(parse_stamp("2024-03-09 14:30", ny) == t)  # True
    print(report_file(t, ZoneInfo("Asia/Tokyo")))  # report-2024-03.csv


if __name__ == "__main__":
    main()
