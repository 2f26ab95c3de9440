package e

func bad() int  { return 0 }
func fine() int { return 0 }

// In the default mode, modal reports nothing: a directive naming it cannot
// be judged there (it may excuse what only strict mode reports).
func f() {
	bad()  //accent:ignore modal excused in strict mode
	fine() //accent:ignore modal judged only in strict mode
}
