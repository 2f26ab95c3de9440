package c

// want +1 `//accent:file-ignore fake silences nothing: fake reports nothing in this file`
//accent:file-ignore fake once full of bad calls, now fixed

func h() { good() }
