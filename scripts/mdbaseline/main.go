// Command mdbaseline is the benchmark baseline: a bare goldmark parse of
// every *.md page under the given folders, with the GFM extension, on all
// cores, and nothing else. The generator's goal is to take no longer.
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: mdbaseline DIR...")
		os.Exit(2)
	}
	var paths []string
	for _, dir := range os.Args[1:] {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() && strings.HasSuffix(p, ".md") {
				paths = append(paths, p)
			}
			return nil
		})
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	var nodes, bytes atomic.Int64
	next := make(chan string)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range next {
				src, err := os.ReadFile(p)
				if err != nil {
					continue
				}
				doc := md.Parser().Parse(text.NewReader(src))
				nodes.Add(int64(doc.ChildCount())) // use the result
				bytes.Add(int64(len(src)))
			}
		}()
	}
	for _, p := range paths {
		next <- p
	}
	close(next)
	wg.Wait()
	fmt.Printf("mdbaseline: %d pages, %d bytes, %d top-level blocks\n", len(paths), bytes.Load(), nodes.Load())
}
