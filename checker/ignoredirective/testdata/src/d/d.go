package d

func bad() int { return 0 }

// A //line directive (as goyacc and templates write) moves the reported
// lines far past the end of this file: directives still work.

//line template.tmpl:900
func f() {
	bad() //accent:ignore fake silenced on the line it ends

	//accent:ignore fake silenced on the next line
	bad()

	bad() // want "call to bad"
}
