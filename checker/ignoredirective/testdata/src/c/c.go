package c

func bad() int  { return 0 }
func good() int { return 0 }

func f() {
	bad() //accent:ignore fake silences the call to bad on this line

	//accent:ignore fake silences the call on the next line
	bad()

	// want +1 `//accent:ignore fake silences nothing: fake reports nothing on this line; remove it`
	//accent:ignore fake the code it excused was fixed
	good()

	// want +1 `//accent:ignore other silences nothing: other reports nothing on this line`
	//accent:ignore fake,other only fake has a finding here
	bad()

	// want +1 `//accent:ignore other silences nothing`
	good() //accent:ignore other never reports anything

	//accent:ignore unusedignore kept on purpose while the analyzer is being fixed
	//accent:ignore fake a stale directive silenced on purpose
	good()
}
