// Package archrules holds the tests that keep the project's maps true: the
// import rules of ARCHITECTURE.md (every package imports only the accent
// packages its layer allows) and the README's table of analyzers (the same
// as checker.Suite). It has no code of its own.
package archrules
