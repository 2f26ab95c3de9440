// Package exercises embeds the course's exercises, one directory each under
// NN-topic/, in the format README.md in this directory describes.
package exercises

import "embed"

// FS holds the exercises, laid out as in this directory.
//
//go:embed */*
var FS embed.FS
