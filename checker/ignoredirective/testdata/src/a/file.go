package a

//accent:file-ignore fake this whole file is silenced for fake

func inFile() {
	bad()
	bad()
}
