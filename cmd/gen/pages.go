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
	"github.com/docgen/graphgen/internal/cache"
	"github.com/docgen/graphgen/parser"
)

// maxPageBytes bounds one page: real pages are well under 1 MB, so a larger
// one is skipped with a diagnostic rather than parsed.
const maxPageBytes = 8 << 20

type pageFile struct {
	rel   string // slash-separated, relative to -in
	path  string
	data  []byte      // nil until read, or when unreadable or skipped
	hash  string      // content hash (cache.ContentHash), or why there is none
	stamp cache.Stamp // size, modification time, identity
	skip  bool        // unreadable or too large: never parsed
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

// pageReader reads and parses the pages of one -in folder, through the
// cache when the run has one.
type pageReader struct {
	read  func(path string) ([]byte, error) // hooks.readPage
	cache *cache.Store                      // nil: no cache
	root  string                            // the -in folder's name (parser.Options.RootName)
}

// plainReader reads the pages under in without a cache.
func plainReader(in string) *pageReader {
	return &pageReader{read: readPageFile, root: filepath.Base(filepath.Clean(in))}
}

// readPageFile reads a page: listed as a regular file, it may have changed
// since (a link, a FIFO), so it is opened without following a link or
// blocking, and bounded.
func readPageFile(path string) ([]byte, error) { return readRegular(path, maxPageBytes, noFollowLink) }

// hash gives every page its content hash: the one the run record keeps
// when the page's stamp is unchanged, else by reading it. Pages over the
// size limit are skipped without reading.
func (pr *pageReader) hash(files []pageFile) {
	diag.Parallel("read", len(files), func(i int) error {
		f := &files[i]
		info, err := os.Stat(f.path)
		if err != nil {
			f.diag.Warn(diag.File(f.rel), diag.Unreadable, "%v", err)
			f.hash, f.skip = "unreadable", true
			return nil
		}
		f.stamp = cache.StampOf(info)
		if info.Size() > maxPageBytes {
			f.diag.Warn(diag.File(f.rel), diag.PageTooLarge, "page is %d bytes, over the %d-byte limit; skipped", info.Size(), maxPageBytes)
			f.hash, f.skip = fmt.Sprintf("too-large:%d", info.Size()), true
			return nil
		}
		if h := pr.cache.KnownHash(f.rel, f.stamp); h != "" {
			f.hash = h
			return nil
		}
		pr.readFile(f)
		return nil
	})
}

// readFile reads a page and gives it its content hash; a page that cannot
// be read is skipped with a diagnostic, and its hash says so
// ("unreadable"): no content hash, so the cache never records it.
func (pr *pageReader) readFile(f *pageFile) {
	data, err := pr.read(f.path)
	if err != nil {
		f.diag.Warn(diag.File(f.rel), diag.Unreadable, "%v", err)
		f.hash, f.skip = "unreadable", true
		return
	}
	f.data, f.hash = data, cache.ContentHash(data)
}

// parseAll returns the page model of every page read, in page order, from
// the cache or parsed on all cores, and appends what reading them
// reported (the resolver takes each page's own diagnostics).
func (pr *pageReader) parseAll(files []pageFile, diags *diag.List) []*parser.Page {
	pages := make([]*parser.Page, len(files))
	// The snapshot has most pages of a rerun: taken here, in one loop;
	// the rest are read or parsed on all cores.
	var rest []int
	for i := range files {
		f := &files[i]
		if p := pr.cache.FromSnapshot(f.rel, f.hash); p != nil && !f.skip {
			pages[i], f.data = p, nil
			continue
		}
		rest = append(rest, i)
	}
	diag.Parallel("parse", len(rest), func(k int) error {
		f := &files[rest[k]]
		if f.skip {
			return nil
		}
		if p := pr.cache.Page(f.rel, f.hash); p != nil {
			pages[rest[k]], f.data = p, nil
			return nil
		}
		pages[rest[k]] = pr.parse(f)
		pr.cache.StorePage(f.hash, pages[rest[k]])
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

// parse reads a page when it is not read yet and parses it. A panic in
// the parser is an internal error at the page, and no model.
func (pr *pageReader) parse(f *pageFile) *parser.Page {
	if f.skip {
		return nil
	}
	if f.data == nil {
		if pr.readFile(f); f.data == nil {
			return nil
		}
	}
	var page *parser.Page
	err := diag.Guard("parse", func() error {
		page = parser.Parse(f.rel, f.data, parser.Options{RootName: pr.root})
		return nil
	})
	f.data = nil // the page model keeps what it needs
	var ie *diag.InternalError
	if errors.As(err, &ie) {
		f.diag.Error(diag.File(f.rel), diag.Internal, "%v", ie)
		return nil
	}
	return page
}

// pageHashes is the pages as the cache knows them.
func pageHashes(files []pageFile) []cache.PageHash {
	out := make([]cache.PageHash, len(files))
	for i, f := range files {
		out[i] = cache.PageHash{Rel: f.rel, Hash: f.hash, Stamp: f.stamp}
	}
	return out
}

// readPages finds, reads and parses every page under in, without a cache.
func readPages(in string, filter *pageFilter, diags *diag.List) ([]*parser.Page, int, error) {
	files, err := listPages(in, filter, diags)
	if err != nil {
		return nil, 0, err
	}
	return plainReader(in).parseAll(files, diags), len(files), nil
}
