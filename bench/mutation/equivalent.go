package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Equivalent is one mutant that no test can kill because it does not change
// what the code promises, with the reason.
type Equivalent struct {
	ID     string `yaml:"id" json:"id"`
	Reason string `yaml:"reason" json:"reason"`
}

// Equivalents maps an exercise id to its equivalent mutants, by mutant id.
type Equivalents map[string]map[string]Equivalent

// LoadEquivalents reads every <topic>.yaml in dir: a mapping from exercise
// id to a list of {id, reason}. Each exercise must be listed in its own
// topic's file (so helpers working on different topics never edit the same
// file). known reports whether an exercise id exists and its topic.
func LoadEquivalents(dir fs.FS, known func(id string) (topic string, ok bool)) (Equivalents, error) {
	names, err := fs.Glob(dir, "*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	eq := Equivalents{}
	var problems []string
	for _, name := range names {
		b, err := fs.ReadFile(dir, name)
		if err != nil {
			return nil, err
		}
		var doc map[string][]Equivalent
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) { // io.EOF: comments only
			problems = append(problems, fmt.Sprintf("%s: %v", name, err))
			continue
		}
		fileTopic := strings.TrimSuffix(path.Base(name), ".yaml")
		for ex, list := range doc {
			topic, ok := known(ex)
			switch {
			case !ok:
				problems = append(problems, fmt.Sprintf("%s: no exercise %q in the course", name, ex))
				continue
			case topic != fileTopic:
				problems = append(problems, fmt.Sprintf("%s: %s belongs in %s.yaml", name, ex, topic))
				continue
			}
			if eq[ex] == nil {
				eq[ex] = map[string]Equivalent{}
			}
			for i, e := range list {
				e.ID, e.Reason = strings.TrimSpace(e.ID), strings.TrimSpace(e.Reason)
				switch {
				case e.ID == "":
					problems = append(problems, fmt.Sprintf("%s: %s, entry %d: no id", name, ex, i+1))
				case e.Reason == "":
					problems = append(problems, fmt.Sprintf("%s: %s, %q: no reason (say why no test can kill it)", name, ex, e.ID))
				case eq[ex][e.ID] != Equivalent{}:
					problems = append(problems, fmt.Sprintf("%s: %s, %q is listed twice", name, ex, e.ID))
				default:
					eq[ex][e.ID] = e
				}
			}
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return nil, fmt.Errorf("equivalent mutants:\n  %s", strings.Join(problems, "\n  "))
	}
	return eq, nil
}
