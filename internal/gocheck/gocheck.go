// Package gocheck reads generated Go source back, for the tests that hold
// page text to being only text: the declarations a package makes, and every
// comment a Go tool reads as more than text (a directive, a build
// constraint, a block comment).
package gocheck

import (
	"fmt"
	"go/ast"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"sort"
	"strings"
)

// File is one Go source file by name.
type File struct {
	Name    string
	Content []byte
}

// Parse parses the files with their comments; the first error is returned
// with the file's source, so a failing test shows what was written.
func Parse(files []File) (*token.FileSet, []*ast.File, error) {
	fset := token.NewFileSet()
	var out []*ast.File
	for _, f := range files {
		pf, err := parser.ParseFile(fset, f.Name, f.Content, parser.ParseComments)
		if err != nil {
			return nil, nil, fmt.Errorf("%s does not parse: %w\n%s", f.Name, err, f.Content)
		}
		out = append(out, pf)
	}
	return fset, out, nil
}

// Decls lists what a file declares, sorted, one string each: "type T",
// "field T.F" (an embedded field by its type's name), "method T.M",
// "func F", "const C", "var V".
func Decls(f *ast.File) []string {
	var out []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil || len(d.Recv.List) == 0 {
				out = append(out, "func "+d.Name.Name)
				continue
			}
			out = append(out, "method "+receiverName(d.Recv.List[0].Type)+"."+d.Name.Name)
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					out = append(out, "type "+spec.Name.Name)
					if st, ok := spec.Type.(*ast.StructType); ok {
						for _, fld := range st.Fields.List {
							for _, n := range fieldNames(fld) {
								out = append(out, "field "+spec.Name.Name+"."+n)
							}
						}
					}
				case *ast.ValueSpec:
					for _, n := range spec.Names {
						out = append(out, strings.ToLower(d.Tok.String())+" "+n.Name)
					}
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

func fieldNames(fld *ast.Field) []string {
	if len(fld.Names) == 0 {
		return []string{receiverName(fld.Type)}
	}
	var out []string
	for _, n := range fld.Names {
		out = append(out, n.Name)
	}
	return out
}

// receiverName is the type name in a receiver or an embedded field (T, *T).
func receiverName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return receiverName(e.X)
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	}
	return fmt.Sprintf("%T", e)
}

// directivePrefixes start the comments the go tool, cgo, the compiler
// and the linker read as instructions.
var directivePrefixes = []string{"//go:", "//line ", "//export ", "//extern ", "//sys", "//nolint"}

// Hazards lists, by position, every comment in the files that is a
// directive, a build constraint (//go:build or +build, anywhere: gofmt
// moves them into the header) or a block comment, and every build
// constraint the files carry. Page text must never make one.
func Hazards(fset *token.FileSet, files []*ast.File) []string {
	var out []string
	for _, f := range files {
		for _, g := range f.Comments {
			for _, c := range g.List {
				at := fset.Position(c.Pos()).String()
				switch {
				case strings.HasPrefix(c.Text, "/*"):
					out = append(out, at+": block comment")
				case constraint.IsGoBuild(c.Text) || constraint.IsPlusBuild(c.Text):
					out = append(out, at+": build constraint "+c.Text)
				default:
					for _, p := range directivePrefixes {
						if strings.HasPrefix(c.Text, p) {
							out = append(out, at+": directive "+c.Text)
						}
					}
				}
			}
		}
	}
	return out
}
