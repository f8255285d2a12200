//go:build darwin || freebsd || netbsd

// File identity where stat's change time is Ctimespec.

package cache

import (
	"io/fs"
	"syscall"
)

func platformFileID(info fs.FileInfo) fileIdentity {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fileIdentity{}
	}
	return fileIdentity{Dev: uint64(st.Dev), Ino: uint64(st.Ino), Ctime: st.Ctimespec.Nano()}
}
