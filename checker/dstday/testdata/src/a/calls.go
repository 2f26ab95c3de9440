package a

import (
	"fmt"
	"time"
)

// Times that come back from a function of the package: the zone is the
// one the function chose.

type planner struct {
	loc  *time.Location
	jobs map[string]time.Time
}

func (s *planner) nextRun() time.Time { return time.Now().In(s.loc) }

func (s *planner) plan(name string) {
	t := s.nextRun()
	s.jobs[name] = t.Add(24 * time.Hour) // want `t\.Add\(24 \* time\.Hour\) adds 24 hours to a time in a zone with daylight saving`
}

func (s *planner) again() time.Time {
	return s.nextRun().Add(day) // want `s\.nextRun\(\)\.Add\(day\) adds 24 hours to a time in a zone with daylight saving`
}

func meetingAt(s string) (time.Time, error) {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		return time.Time{}, err
	}
	return time.ParseInLocation(time.DateTime, s, loc)
}

func parseMeeting(s string) (time.Time, error) { return meetingAt(s) }

func followUp(s string) error {
	m, err := parseMeeting(s)
	if err != nil {
		return err
	}
	fmt.Println(m.Add(24 * time.Hour)) // want `m\.Add\(24 \* time\.Hour\) adds 24 hours to a time in a zone with daylight saving`
	return nil
}

func startOfDay(loc *time.Location) (t time.Time) {
	now := time.Now().In(loc)
	t = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
	return
}

func nextMidnight(loc *time.Location) time.Time {
	return startOfDay(loc).Add(24 * time.Hour) // want `startOfDay\(loc\)\.Add\(24 \* time\.Hour\) adds 24 hours to a time in a zone with daylight saving`
}

// Silent twins: the function returns UTC, a fixed zone, the local clock
// with nothing that says a calendar day, a time of unknown zone, or the
// 24 hours are elapsed time (an expiry).

func (s *planner) nowUTC() time.Time { return time.Now().UTC() }

func (s *planner) planUTC(name string) {
	t := s.nowUTC()
	s.jobs[name] = t.Add(24 * time.Hour)
}

func tokyo() time.Time { return time.Now().In(time.FixedZone("JST", 9*3600)) }

func tokyoTomorrow() time.Time { return tokyo().Add(24 * time.Hour) }

func localNow() time.Time { return time.Now() }

func retryAfter() time.Time { return localNow().Add(24 * time.Hour) }

func (s *planner) lookup(name string) time.Time { return s.jobs[name] }

func (s *planner) push(name string) {
	s.jobs[name] = s.lookup(name).Add(24 * time.Hour)
}

func (s *planner) tokenExpiry() time.Time {
	issued := s.nextRun()
	expiresAt := issued.Add(24 * time.Hour)
	return expiresAt
}
