package b

func bad() int { return 0 }

func f() {
	//accent:ignore fake the reason is given
	bad()

	// want +1 "//accent:ignore fake needs a reason"
	//accent:ignore fake
	bad()

	// want +1 "//accent:ignore fake,other needs a reason"
	//accent:ignore fake,other
	bad()

	// want +1 `names "fak", which is not an analyzer \(did you mean fake\?\)`
	//accent:ignore fak misspelled names do not silence anything
	bad()

	// want +1 `names "zzzzzzzz", which is not an analyzer \(accentvet -list shows them\)`
	//accent:ignore zzzzzzzz a name nowhere near any analyzer
	bad()

	// want +1 "//accent:ignore names no analyzer"
	//accent:ignore
	bad()

	//accent:ignored fake some other word is not a directive
	bad()
}

// want +1 "//accent:file-ignore fake needs a reason"
//accent:file-ignore fake
