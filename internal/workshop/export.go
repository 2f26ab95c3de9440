package workshop

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// LoadRoom rebuilds a room from the log in dataDir, read-only: it works
// while the server runs, and after it is gone.
func LoadRoom(dataDir string) (*Room, string, error) {
	path := filepath.Join(dataDir, LogFile)
	f, err := os.Open(path)
	if err != nil {
		return nil, "", fmt.Errorf("opening the room: %w (is %s the server's --data directory?)", err, dataDir)
	}
	defer f.Close()
	records, _, notice, err := readLog(f, path)
	if err != nil {
		return nil, "", err
	}
	room := NewRoom()
	for _, rec := range records {
		if err := room.Apply(rec); err != nil {
			return nil, "", fmt.Errorf("%s: %w", path, err)
		}
	}
	return room, notice, nil
}

// Export writes a room's results: "json" is the room snapshot (as GET
// /v1/room gives it), "csv" one row per participant and exercise.
func Export(w io.Writer, s Snapshot, format string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	case "csv":
		cw := csv.NewWriter(w)
		header := []string{"participant", "name", "exercise", "state", "attempts", "hints", "opened", "passed", "minutes_to_pass", "last_findings"}
		if err := cw.Write(header); err != nil {
			return err
		}
		for _, p := range s.Participants {
			exs := slices.Clone(s.Exercises)
			for ex := range p.Cells {
				if !slices.Contains(exs, ex) {
					exs = append(exs, ex) // worked on outside the session's list
				}
			}
			for _, ex := range exs {
				c, ok := p.Cells[ex]
				row := []string{p.ID, csvSafe(p.Name), ex, "not opened", "0", "0", "", "", "", ""}
				if ok {
					row[3], row[4], row[5] = c.State, strconv.Itoa(c.Attempts), strconv.Itoa(c.Hints)
					row[6] = c.Opened.UTC().Format(time.RFC3339)
					if !c.Passed.IsZero() {
						row[7] = c.Passed.UTC().Format(time.RFC3339)
						row[8] = strconv.FormatFloat(c.Passed.Sub(c.Opened).Minutes(), 'f', 1, 64)
					}
					row[9] = strings.Join(c.Findings, " ")
				}
				if err := cw.Write(row); err != nil {
					return err
				}
			}
		}
		cw.Flush()
		return cw.Error()
	}
	return fmt.Errorf("unknown format %q: use csv or json", format)
}

// csvSafe stops a spreadsheet from reading a name as a formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}
