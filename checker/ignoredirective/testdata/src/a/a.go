package a

func bad() int { return 0 }

func trailing() {
	bad() //accent:ignore fake the call is fine here
	bad() // want "call to bad"
}

func ownLine() {
	//accent:ignore fake the next line is fine
	bad()
	bad() // want "call to bad"
}

func twoAnalyzers() {
	//accent:ignore other,fake both are silenced on purpose
	bad()
}

func otherAnalyzerOnly() {
	//accent:ignore other only the other analyzer is silenced
	bad() // want "call to bad"
}

func noReason() {
	// a directive without a reason silences nothing
	//accent:ignore fake
	bad() // want "call to bad"
}

func unknown() {
	// a misspelled name silences nothing
	//accent:ignore fak misspelled names do not silence anything
	bad() // want "call to bad"
}

func empty() {
	// an empty directive silences nothing
	//accent:ignore
	bad() // want "call to bad"
}

func notADirective() {
	//accent:ignored fake some other word is not a directive
	bad() // want "call to bad"
}

var _ = bad() // want "call to bad"
