// The support files of a generated package: doc.go from its template, the
// runtime copied from templates/runtime (its package clause changed, the
// generated header put in front), and registry.go, which lists the
// package's struct types for the runtime.

package emitter

import (
	"bytes"
	"fmt"
	"go/format"
	"slices"
	"sync"
	"text/template"

	"github.com/dave/jennifer/jen"

	"github.com/docgen/graphgen/schema"
	"github.com/docgen/graphgen/templates"
)

// registryFile is the support file listing every struct type for
// polymorphic decoding; the naming module keeps the name free.
const registryFile = "registry.go"

// renderRegistry lists every struct type by its @odata.type with its base,
// one line each, for Unmarshal and the fields declared with a base type's
// interface.
func renderRegistry(s *schema.Schema, opts Options) (File, error) {
	f := jen.NewFile(opts.Package)
	f.HeaderComment(Header)
	f.Comment("registry maps each struct type's @odata.type to its base and type.")
	entries := jen.Dict{}
	for _, t := range goTypes(s) {
		if t.Kind == schema.Enum {
			continue
		}
		base := jen.Lit("")
		if t.BaseType != nil {
			base = jen.Lit("#" + t.BaseType.Name)
		}
		entries[jen.Lit("#"+t.Name)] = jen.Values(base, typeOf(t.GoName))
	}
	f.Var().Id("registry").Op("=").Map(jen.String()).Id("registration").Values(entries)
	anys := jen.Dict{}
	for _, t := range goTypes(s) {
		if t.GoInterface != "" {
			anys[typeOf(t.GoInterface)] = jen.Lit("#" + t.Name)
		}
	}
	f.Comment("interfaces maps each interface of a type with derived types to that type's @odata.type:")
	f.Comment("fields declared with it decode into the type @odata.type names.")
	f.Var().Id("interfaces").Op("=").Map(jen.Qual("reflect", "Type")).String().Values(anys)
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return File{}, fmt.Errorf("rendering %s: %w", registryFile, err)
	}
	return File{Name: registryFile, Content: buf.Bytes()}, nil
}

// typeOf is reflect.TypeOf((*name)(nil)).Elem(): the type named, with no
// generic instantiation per type (reflect.TypeFor[name]() made the
// en-2020-05 beta package take twice the CPU and memory to compile).
func typeOf(name string) *jen.Statement {
	return jen.Qual("reflect", "TypeOf").Call(jen.Parens(jen.Op("*").Id(name)).Call(jen.Nil())).Dot("Elem").Call()
}

// docTemplate parses the doc.go template once per process.
var docTemplate = sync.OnceValues(func() (*template.Template, error) {
	return template.ParseFS(templates.FS, "doc.go.tmpl")
})

// renderedSupport keeps the support files by package name and go:generate
// line: they depend on nothing else (a -watch run renders again and
// again).
var renderedSupport sync.Map // string -> []File

func renderSupport(opts Options) ([]File, error) {
	key := fmt.Sprint(opts.Package, "\x00", opts.Generate, "\x00", opts.GenerateNote, "\x00", opts.Client)
	if files, ok := renderedSupport.Load(key); ok {
		return slices.Clone(files.([]File)), nil
	}
	files, err := renderSupportFiles(opts)
	if err == nil {
		renderedSupport.Store(key, slices.Clone(files))
	}
	return files, err
}

func renderSupportFiles(opts Options) ([]File, error) {
	tmpl, err := docTemplate()
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, templates.Data{Package: opts.Package, Header: Header, Generate: opts.Generate, GenerateNote: commentLines(opts.GenerateNote, commentWidth)}); err != nil {
		return nil, fmt.Errorf("template doc.go.tmpl: %w", err)
	}
	doc, err := format.Source(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("template doc.go.tmpl renders invalid Go: %w\n%s", err, numbered(buf.Bytes()))
	}
	files := []File{{Name: "doc.go", Content: doc}}
	for _, rf := range templates.Runtime() {
		if rf.Client && !opts.Client {
			continue
		}
		src, err := runtimeFile(rf.Source, opts.Package)
		if err != nil {
			return nil, fmt.Errorf("runtime %s: %w", rf.Name, err)
		}
		files = append(files, File{Name: rf.Name, Content: src})
	}
	return files, nil
}

// runtimeClause is the package clause every runtime file has.
var runtimeClause = []byte("\npackage runtime\n")

// runtimeFile is a runtime file as a generated package holds it: the
// generated header, then the file with its package clause changed. The
// runtime is gofmt-clean (TestRuntimeFilesAreCopiedAsTheyAre), so nothing
// is formatted again.
func runtimeFile(src []byte, pkg string) ([]byte, error) {
	i := bytes.Index(src, runtimeClause)
	if i < 0 {
		return nil, fmt.Errorf("no %q line", bytes.TrimSpace(runtimeClause))
	}
	out := make([]byte, 0, len(src)+len(Header)+len(pkg)+8)
	out = append(out, "// "+Header+"\n\n"...)
	out = append(out, src[:i]...)
	out = append(out, "\npackage "+pkg+"\n"...)
	return append(out, src[i+len(runtimeClause):]...), nil
}
