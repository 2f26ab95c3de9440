package f

func bad() int  { return 0 }
func fine() int { return 0 }

// In strict mode modal reports every call to bad: a directive on fine()
// silences nothing.
func f() {
	bad()  //accent:ignore modal excused in strict mode
	fine() //accent:ignore modal stale // want `silences nothing`
}
