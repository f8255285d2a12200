// Stamps: what the cache keeps of a file to tell whether it is as
// recorded, and the file identity in them, which tells a file or folder
// from a copy of it that kept its size and modification time (cp -a,
// rsync -t, a folder deleted and copied back), read from the platform's
// stat (fileid_*.go).

package cache

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

// Stamp is a file's size, modification time and identity.
type Stamp struct {
	Size  int64
	MTime int64 // Unix nanoseconds
	ID    fileIdentity
}

// noStamp is the stamp of a file the run could not stat: no file has it.
var noStamp = Stamp{Size: -1}

// StampOf is the stamp of the file info describes.
func StampOf(info fs.FileInfo) Stamp {
	return Stamp{Size: info.Size(), MTime: info.ModTime().UnixNano(), ID: fileID(info)}
}
