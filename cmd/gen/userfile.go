// Reading a file a user names (a schema JSON file, a page, the -schema-out
// file read back): a regular file only, bounded in size, and opened so
// that a FIFO cannot block and a device cannot feed gen without end. A
// symbolic link is followed only when named on the command line.

package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// maxSchemaBytes bounds a schema JSON file that gen diff or -check reads:
// the largest real one (bilingual beta) is 6.7 MB.
const maxSchemaBytes = 128 << 20

// errNotRegular is the error for a path that is no regular file.
var errNotRegular = errors.New("not a regular file")

// Whether a symbolic link at the path itself is followed.
const (
	followLink   = true  // the path was named on the command line
	noFollowLink = false // the path was found under -in, where links are not followed
)

// regular opens the regular file at path, following a symbolic link there
// only with followLink. Anything else that is not a regular file (a FIFO,
// a device, a socket, a folder) is refused before it is opened, and again
// after (it may have been swapped in between): opening never blocks, as a
// FIFO's open does without a writer.
func regular(path string, follow bool) (*os.File, fs.FileInfo, error) {
	stat, flags := os.Stat, os.O_RDONLY|openNoBlock
	if !follow {
		stat, flags = os.Lstat, flags|openNoFollow
	}
	info, err := stat(path)
	if err != nil {
		return nil, nil, err
	}
	if err := isRegular(info); err != nil {
		return nil, nil, err
	}
	f, err := os.OpenFile(path, flags, 0)
	if err != nil {
		return nil, nil, err
	}
	if info, err = f.Stat(); err == nil {
		err = isRegular(info)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

func isRegular(info fs.FileInfo) error {
	m := info.Mode()
	switch {
	case m.IsRegular():
		return nil
	case m&fs.ModeSymlink != 0:
		return fmt.Errorf("%w: a symbolic link, not followed", errNotRegular)
	case m.IsDir():
		return fmt.Errorf("%w: a folder", errNotRegular)
	case m&fs.ModeNamedPipe != 0:
		return fmt.Errorf("%w: a FIFO", errNotRegular)
	case m&fs.ModeSocket != 0:
		return fmt.Errorf("%w: a socket", errNotRegular)
	case m&fs.ModeCharDevice != 0:
		return fmt.Errorf("%w: a character device", errNotRegular)
	case m&fs.ModeDevice != 0:
		return fmt.Errorf("%w: a device", errNotRegular)
	}
	return errNotRegular
}

// readRegular returns the content of the regular file at path (see
// regular), refusing one of more than max bytes, by its size before
// reading and by what it holds when it grew since.
func readRegular(path string, max int64, follow bool) ([]byte, error) {
	f, info, err := regular(path, follow)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info.Size() > max {
		return nil, fmt.Errorf("%d bytes, over the %d-byte limit", info.Size(), max)
	}
	data := make([]byte, 0, info.Size()+1) // one more byte to see the end
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if int64(len(data)) > max {
			return nil, fmt.Errorf("over the %d-byte limit (it grew while read)", max)
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}
