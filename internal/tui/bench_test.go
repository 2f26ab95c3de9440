package tui

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/accent-go/accent/internal/course"
	"github.com/accent-go/accent/internal/grade"
	"github.com/accent-go/accent/internal/render"
)

// The workbench's figures. The first frame and memory are measured on the
// real binary in a pseudo-terminal (bench_pty_test.go); these measure the
// model in-process, from the key press to the frame that shows its result.
//
//	go test -run '^$' -bench . -benchtime 50x ./internal/tui/

// longestLesson is the built-in course's longest lesson.
func longestLesson(b *testing.B) (*course.Course, *course.Lesson) {
	c, err := course.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	l := slices.MaxFunc(c.Lessons, func(x, y *course.Lesson) int { return len(x.Body) - len(y.Body) })
	return c, l
}

// BenchmarkOpenLesson is opening the longest lesson from the map at
// 100×30: the key, the glamour rendering in its command, the message back
// and the frame. "cold" renders with an empty cache every time (the first
// opening); "warm" reopens a lesson rendered before at that width and theme.
func BenchmarkOpenLesson(b *testing.B) {
	c, l := longestLesson(b)
	f := newFixture(b)
	f.course = c
	f.setLanguage(course.Python)
	for _, cache := range []string{"cold", "warm"} {
		b.Run(cache, func(b *testing.B) {
			m := settle(b, f.model(cannedGrade(passVerdict())), size(100, 30))
			m.courseMap.selectID(l.ID)
			warm := &render.Renderer{}
			b.ReportAllocs()
			b.ResetTimer()
			cpu := processCPU()
			for b.Loop() {
				m.c.renderer = warm
				if cache == "cold" {
					m.c.renderer = &render.Renderer{}
				}
				m.lesson.lesson, m.lesson.shown = nil, renderKey{}
				m.state = mapState
				opened := settle(b, m, keyPress("enter"))
				if opened.state != lessonState || !strings.Contains(opened.View().Content, "%") {
					b.Fatalf("state %s", opened.state)
				}
			}
			b.ReportMetric(float64((processCPU()-cpu).Microseconds())/1000/float64(b.N), "ms-cpu/op")
		})
	}
}

// BenchmarkKeyWhileGrading is a key press (Update and the next frame) on
// the exercise view while a real grade of the exercise runs in the
// background, over and over: the event loop never waits for the grade.
func BenchmarkKeyWhileGrading(b *testing.B) {
	f := newFixture(b)
	f.setLanguage(course.Node)
	m := settle(b, f.model(cannedGrade(failVerdict())), size(100, 30), keyPress("enter"))
	next, _ := m.Update(keyPress("r")) // the view says "grading" from now on
	m = next.(Model)

	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	grades := 0
	wg.Go(func() {
		g := &grade.Grader{}
		ex := f.exercise(fetchAll)
		for ctx.Err() == nil {
			g.Grade(ctx, ex, f.ws.ExerciseDir(ex))
			grades++
		}
	})
	var worst time.Duration
	b.ResetTimer()
	cpu := processCPU()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		k := keyPress("j")
		if i%2 == 1 {
			k = keyPress("k")
		}
		next, _ := m.Update(k)
		m = next.(Model)
		if v := m.View(); !strings.Contains(v.Content, "grading") {
			b.Fatal("not grading")
		}
		worst = max(worst, time.Since(start))
	}
	b.StopTimer()
	cpu = processCPU() - cpu // includes the grader's in-process analysis
	cancel()
	wg.Wait()
	b.ReportMetric(float64(worst.Microseconds())/1000, "ms-worst")
	b.ReportMetric(float64(grades), "grades-meanwhile")
	b.ReportMetric(float64(cpu.Microseconds())/1000, "ms-cpu")
}

// BenchmarkFrame is drawing one frame of each main page at 100×30.
func BenchmarkFrame(b *testing.B) {
	f := newFixture(b)
	f.setLanguage(course.Node)
	base := settle(b, f.model(cannedGrade(failVerdict())), size(100, 30))
	pages := map[string]Model{
		"map":      base,
		"lesson":   settle(b, base, keyPress("k"), keyPress("enter")),
		"exercise": settle(b, base, keyPress("enter")),
	}
	for _, name := range []string{"map", "lesson", "exercise"} {
		m := pages[name]
		b.Run(name, func(b *testing.B) {
			cpu := processCPU()
			for b.Loop() {
				_ = m.View()
			}
			b.ReportMetric(float64((processCPU()-cpu).Microseconds())/1000/float64(b.N), "ms-cpu/op")
		})
	}
}

var _ tea.Model = Model{}
