package a

import (
	"fmt"
	"time"
)

var names [12]string

var padded [13]string // index 0 unused: months index from 1

func loops(y int) {
	for i := 0; i < 12; i++ {
		fmt.Println(time.Date(y, time.Month(i), 1, 0, 0, 0, 0, time.UTC)) // want `time\.Month\(i\) runs from month 0 to 11, not January to December: the loop counts from 0 but Go months start at 1 \(time\.January\); write time\.Month\(i\+1\)`
	}
	for i := 0; i < 12; i++ {
		fmt.Println(time.Date(y, time.Month(i+1), 1, 0, 0, 0, 0, time.UTC))
	}

	for i := 0; i <= 11; i++ {
		fmt.Println(time.Month(i)) // want `time\.Month\(i\) runs from month 0 to 11`
	}
	for i := 1; i <= 12; i++ {
		fmt.Println(time.Month(i))
	}

	for i := range 12 {
		fmt.Println(time.Month(i).String()) // want `time\.Month\(i\) runs from month 0 to 11`
	}
	for i := range 12 {
		fmt.Println(time.Month(i + 1).String())
	}

	for i, name := range names {
		names[i] = name + time.Month(i).String() // want `time\.Month\(i\) runs from month 0 to 11`
	}
	for i, name := range names {
		names[i] = name + time.Month(i+1).String()
	}

	for i := 0; i < len(names); i += 1 {
		_ = time.Month(i) // want `time\.Month\(i\) runs from month 0 to 11`
	}

	// Not a loop over twelve months counted from zero: the index is
	// adjusted, the loop is longer, or the array leaves index 0 unused.
	for i := 0; i < 12; i++ {
		i++
		_ = time.Month(i)
	}
	for i := 0; i < 13; i++ {
		_ = time.Month(i)
	}
	for i := range padded {
		_ = time.Month(i)
	}
}
