// Finding, reading and parsing the pages under -in.

package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
)

// maxPageBytes bounds one page: real pages are well under 1 MB, so a larger
// one is skipped with a diagnostic rather than parsed.
const maxPageBytes = 8 << 20

type pageFile struct {
	rel   string // slash-separated, relative to -in
	path  string
	data  []byte    // nil until read, or when unreadable or skipped
	hash  string    // content hash, for the run cache
	stamp fileStamp // size, modification time, identity
	skip  bool      // unreadable or too large: never parsed
	diag  diag.List
}

// listPages finds every regular *.md page under in, in path order, leaving
// out what -exclude names.
func listPages(in string, filter *pageFilter, diags *diag.List) ([]pageFile, error) {
	info, err := os.Stat(in)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", in)
	}
	var files []pageFile
	err = filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(in, p)
		rel = filepath.ToSlash(rel)
		if err != nil {
			diags.Warn(diag.File(rel), diag.Unreadable, "%v", err)
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if rel != "." && filter.excluded(rel) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		isPage := strings.HasSuffix(strings.ToLower(d.Name()), ".md")
		if d.Type()&fs.ModeSymlink != 0 && isPage {
			diags.Warn(diag.File(rel), diag.Symlink, "symbolic link not followed: only files under -in are read")
			return nil
		}
		if d.Type().IsRegular() && isPage {
			files = append(files, pageFile{rel: rel, path: p})
		}
		return nil
	})
	if err == nil {
		filter.unmatched(in, diags)
	}
	return files, err
}

// hashFiles gives every page its content hash: the one the previous run
// recorded when the page's size and modification time are unchanged, else
// by reading it. Pages over the size limit are skipped without reading.
func hashFiles(files []pageFile, prior *cacheEntry) {
	diag.Parallel("read", len(files), func(i int) error {
		f := &files[i]
		info, err := os.Stat(f.path)
		if err != nil {
			f.diag.Warn(diag.File(f.rel), diag.Unreadable, "%v", err)
			f.hash, f.skip = "unreadable", true
			return nil
		}
		f.stamp = stampOf(info)
		if info.Size() > maxPageBytes {
			f.diag.Warn(diag.File(f.rel), diag.PageTooLarge, "page is %d bytes, over the %d-byte limit; skipped", info.Size(), maxPageBytes)
			f.hash, f.skip = fmt.Sprintf("too-large:%d", info.Size()), true
			return nil
		}
		if h := prior.knownHash(f.rel, f.stamp); h != "" {
			f.hash = h
			return nil
		}
		readFile(f)
		return nil
	})
}

// readPage reads a page: listed as a regular file, it may have changed
// since (a link, a FIFO), so it is opened without following a link or
// blocking, and bounded. Tests replace it to make a read fail.
var readPage = func(path string) ([]byte, error) { return readRegular(path, maxPageBytes, noFollowLink) }

// readFile reads a page and gives it its content hash; a page that cannot
// be read is skipped with a diagnostic, and its hash says so
// ("unreadable"): no content hash, so the run cache never records it.
func readFile(f *pageFile) {
	data, err := readPage(f.path)
	if err != nil {
		f.diag.Warn(diag.File(f.rel), diag.Unreadable, "%v", err)
		f.hash, f.skip = "unreadable", true
		return
	}
	f.data, f.hash = data, hashBytes(data)
}

// parsePages parses the pages read, in parallel, and appends what reading
// them reported (the resolver takes each page's own diagnostics). A panic in the parser is an internal error at
// that page, never a crash.
func parsePages(files []pageFile, rootName string, diags *diag.List, cache *pageCache) []*parser.Page {
	pages := make([]*parser.Page, len(files))
	// The snapshot has most pages of a rerun: taken here, in one loop;
	// the rest are read or parsed on all cores.
	var rest []int
	for i := range files {
		f := &files[i]
		if p := cache.fromSnapshot(f); p != nil {
			pages[i] = p
			continue
		}
		rest = append(rest, i)
	}
	diag.Parallel("parse", len(rest), func(k int) error {
		i := rest[k]
		pages[i] = parseFile(&files[i], rootName, cache, cache.load)
		return nil
	})
	*diags = append(*diags, fileDiags(files)...)
	var out []*parser.Page
	for _, p := range pages {
		if p != nil {
			out = append(out, p)
		}
	}
	return out
}

// fileDiags is what finding and reading the pages reported, in page order.
func fileDiags(files []pageFile) diag.List {
	var out diag.List
	for _, f := range files {
		out = append(out, f.diag...)
	}
	return out
}

// parseFile returns the page model of one page: the one load finds by its
// content hash, else a parse of the page, which the cache then keeps. A
// panic in the parser is an internal error at the page, and no model.
func parseFile(f *pageFile, rootName string, cache *pageCache, load func(rel, hash string) *parser.Page) *parser.Page {
	if f.skip {
		return nil
	}
	if f.hash != "" {
		if p := load(f.rel, f.hash); p != nil {
			f.data = nil
			return p
		}
	}
	if f.data == nil {
		if readFile(f); f.data == nil {
			return nil
		}
	}
	var page *parser.Page
	err := diag.Guard("parse", func() error {
		page = parser.Parse(f.rel, f.data, parser.Options{RootName: rootName})
		return nil
	})
	var ie *diag.InternalError
	if errors.As(err, &ie) {
		page = nil
		f.diag.Error(diag.File(f.rel), diag.Internal, "%v", ie)
	} else if f.hash != "" {
		cache.store(f.hash, page)
	}
	f.data = nil // the page model keeps what it needs
	return page
}

// readPages finds, reads and parses every page under in.
func readPages(in string, filter *pageFilter, diags *diag.List) ([]*parser.Page, int, error) {
	files, err := listPages(in, filter, diags)
	if err != nil {
		return nil, 0, err
	}
	return parsePages(files, filepath.Base(filepath.Clean(in)), diags, &pageCache{}), len(files), nil
}
