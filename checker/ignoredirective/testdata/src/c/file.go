package c

//accent:file-ignore fake this file is a fixture full of bad calls

func g() { bad() }
