"""Opening hours typed by the staff as wall clock in the shop's zone.

Run: python3 hours.py
"""
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

LAYOUT = "%Y-%m-%d %H:%M"


class Shop:
    def __init__(self, zone: str):
        self.tz = ZoneInfo(zone)

    def parse(self, s: str) -> datetime:
        # strptime gives a naive datetime; attach the zone the staff typed it in.
        return datetime.strptime(s, LAYOUT).replace(tzinfo=self.tz)

    def is_open(self, opens: str, closes: str, now=None) -> bool:
        now = now or datetime.now(timezone.utc)
        return self.parse(opens) <= now < self.parse(closes)

    def opens_in(self, opens: str, now=None):
        return self.parse(opens) - (now or datetime.now(timezone.utc))


def main():
    berlin = Shop("Europe/Berlin")
    print(berlin.parse("2026-03-29 09:00").astimezone(timezone.utc))  # 2026-03-29 07:00:00+00:00
    print(berlin.is_open("2026-03-29 09:00", "2026-03-29 18:00",
                         datetime(2026, 3, 29, 7, 30, tzinfo=timezone.utc)))  # True
    # Aware datetimes subtract as instants: 6:30:00, the night the clocks go forward.
    print(berlin.opens_in("2026-03-29 09:00", datetime(2026, 3, 29, 0, 30, tzinfo=timezone.utc)))


if __name__ == "__main__":
    main()
