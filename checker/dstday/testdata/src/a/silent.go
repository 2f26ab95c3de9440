package a

import (
	"context"
	"net"
	"net/http"
	"time"
)

type session struct {
	ExpiresAt time.Time
}

// UTC and fixed zones have no daylight saving: every day is 24 hours.
func utc(t time.Time) {
	a := time.Date(2026, time.March, 28, 9, 0, 0, 0, time.UTC)
	_ = a.Add(24 * time.Hour)
	_ = t.UTC().Add(day)
	tomorrow := time.Now().UTC().Add(day)
	_ = tomorrow
	utcLoc, _ := time.LoadLocation("UTC")
	_ = time.Date(2026, 3, 28, 9, 0, 0, 0, utcLoc).Add(day)
	fixed := time.FixedZone("UTC+2", 2*60*60)
	_ = time.Date(2026, 3, 28, 9, 0, 0, 0, fixed).Add(day)
}

// A time whose zone the function cannot see.
func param(t time.Time) time.Time {
	return t.Add(24 * time.Hour)
}

// 24 hours meant as elapsed time: an expiry, a deadline, a TTL.
func elapsed(ctx context.Context, conn net.Conn, w http.ResponseWriter) {
	expires := time.Now().Add(24 * time.Hour)
	_ = session{ExpiresAt: expires}
	_ = session{ExpiresAt: time.Now().Add(day)}

	ctx, cancel := context.WithDeadline(ctx, time.Now().Add(day))
	defer cancel()
	_ = ctx
	_ = conn.SetDeadline(time.Now().Add(24 * time.Hour))

	http.SetCookie(w, &http.Cookie{Name: "s", Expires: time.Now().Add(week)})

	now := time.Now()
	cutoff := now.Add(-24 * time.Hour) // a time 24 hours ago, with no calendar in sight
	_ = cutoff

	// Even in a zone, a validity period is elapsed time.
	issued := time.Date(2026, 3, 28, 9, 0, 0, 0, paris())
	validUntil := issued.Add(24 * time.Hour)
	_ = validUntil
}

// Not a whole number of days.
func hours(loc *time.Location) {
	t := time.Date(2026, 3, 28, 9, 0, 0, 0, loc)
	_ = t.Add(12 * time.Hour)
	_ = t.Add(25 * time.Hour)
	_ = t.Add(0)
}

// A time of unknown zone, shifted with no word of what for.
func shift(t time.Time) time.Time {
	return t.Add(24 * time.Hour)
}
