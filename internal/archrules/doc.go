// Package archrules holds the test that keeps ARCHITECTURE.md's import
// rules true: every package of the module may import only the accent
// packages its layer allows. It has no code of its own.
package archrules
