// Package lessons embeds the course's lessons: lessons/NN-topic/topic.md and
// lessons/NN-topic/NN-slug.md (see ../exercises/README.md for the format).
package lessons

import "embed"

// FS holds the lessons, laid out as in this directory.
//
//go:embed */*.md
var FS embed.FS
