//go:build unix

// How a user-named file is opened on unix: non-blocking, so that opening a
// FIFO without a writer returns at once (userfile.go then refuses it), and,
// for a file found under -in, without following a symbolic link.

package main

import "syscall"

const (
	openNoBlock  = syscall.O_NONBLOCK
	openNoFollow = syscall.O_NOFOLLOW
)
