// File identity: what tells a file or folder from a copy of it that kept
// its size and modification time (cp -a, rsync -t, a folder deleted and
// copied back), read from the platform's stat (fileid_*.go).

package main

import (
	"io/fs"
	"os"
)

// fileIdentity is a file's device, inode and change time. The change time
// is set by the kernel whenever the file's content or metadata change,
// and no copy can set it; zero where the platform does not say.
type fileIdentity struct {
	Dev, Ino uint64
	Ctime    int64 // Unix nanoseconds
}

// fileID is the identity of the file info describes.
func fileID(info fs.FileInfo) fileIdentity { return platformFileID(info) }

// folderID is the identity of the folder at path, without its change time
// (which adding a file changes): deleting the folder and copying another
// in its place gives another. Zero when it cannot be read.
func folderID(path string) fileIdentity {
	info, err := os.Stat(path)
	if err != nil {
		return fileIdentity{}
	}
	id := fileID(info)
	id.Ctime = 0
	return id
}
