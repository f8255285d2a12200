//go:build !unix

// How a user-named file is opened where there are no FIFOs to block on:
// plainly (userfile.go refuses what is not a regular file, by its mode
// before opening and after).

package main

const (
	openNoBlock  = 0
	openNoFollow = 0
)
