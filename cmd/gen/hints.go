// Hints for a run pointed at the wrong place: the folder above the pages.

package main

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/docgen/graphgen/parser"
)

// hintShare is the share of the type-describing pages that one subfolder
// must hold for the folder hint: nearly all, so that a stray page elsewhere
// (an API page that shows a resource) does not hide the hint.
const hintShare = 0.95

// folderHint returns a hint when most of the pages under in describe no
// type and (nearly) all that do sit in one subfolder: -in most likely names
// the folder above the resource pages.
func folderHint(in string, pages []*parser.Page, total int) (string, bool) {
	bySub := map[string]int{}
	describing := 0
	for _, p := range pages {
		if len(p.Types) == 0 && len(p.Enums) == 0 && p.Operation == nil {
			continue
		}
		describing++
		if i := strings.IndexByte(p.Path, '/'); i > 0 {
			bySub[p.Path[:i]]++
		}
	}
	if describing == 0 || total-describing <= total/2 {
		return "", false
	}
	for sub, n := range bySub {
		if float64(n) >= hintShare*float64(describing) {
			// Descend while one folder still holds them all.
			dir := sub
			for {
				next, ok := commonChild(pages, dir, n)
				if !ok {
					break
				}
				dir = next
			}
			return fmt.Sprintf("%d of %d pages under %s describe no type; %d of the %d that do are under %s/: did you mean -in %s?",
				total-describing, total, in, n, describing, dir, filepath.Join(in, filepath.FromSlash(dir))), true
		}
	}
	return "", false
}

// commonChild returns the one subfolder of dir that holds all n describing
// pages under dir, if there is one.
func commonChild(pages []*parser.Page, dir string, n int) (string, bool) {
	child, count := "", 0
	for _, p := range pages {
		if len(p.Types) == 0 && len(p.Enums) == 0 && p.Operation == nil || !strings.HasPrefix(p.Path, dir+"/") {
			continue
		}
		rest := strings.TrimPrefix(p.Path, dir+"/")
		i := strings.IndexByte(rest, '/')
		if i < 0 {
			return "", false
		}
		c := path.Join(dir, rest[:i])
		if child != "" && c != child {
			return "", false
		}
		child = c
		count++
	}
	return child, child != "" && count == n
}
