// gen diff with a service's CSDL $metadata on one side: reading it, and
// how the report reads when the service is OLD or NEW.

package main

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/internal/csdl"
	"github.com/docgen/graphgen/schema"
)

// looksLikeXML tells a CSDL file from a schema JSON file by its first
// character past a byte order mark and white space: '<' (a UTF-16 mark is
// XML too, which the reader refuses with a clear message).
func looksLikeXML(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		return true
	}
	data = bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(data) > 0 && data[0] == '<'
}

// loadCSDL reads a service's CSDL: what it holds that gen cannot use is
// warned of (positions in the file as given) and the rest compared; a file
// that is no CSDL is an error.
func loadCSDL(arg string, data []byte, quiet bool, stderr io.Writer) (*schema.Schema, *csdl.Model, error) {
	var m *csdl.Model
	var s *schema.Schema
	var diags diag.List
	err := diag.Guard("csdl", func() error {
		if m, diags = csdl.Read(filepath.ToSlash(arg), data); m != nil {
			s = m.Schema()
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	diags.Print(stderr, false, quiet)
	if m == nil {
		return nil, nil, fmt.Errorf("not a CSDL $metadata document (above); %s", inputKinds)
	}
	return s, m, nil
}

// serviceSides says which inputs of a diff are a service's CSDL, so that
// the report says how to read it.
type serviceSides struct {
	old, new       bool
	oldArg, newArg string
}

// heading is the markdown report's title and how to read it: with the
// service on one side only, what each change means for the docs.
func (s serviceSides) heading() string {
	const unread = " Descriptions, and member values the docs do not give, are not compared: they contradict nothing."
	switch {
	case s.old && !s.new:
		return fmt.Sprintf("# Where the docs and the service disagree\n\nOLD is the service's metadata (`%s`), NEW the docs (`%s`): "+
			"\"removed\" is missing from the docs, \"changed\" contradicts the service, \"added\" is only in the docs.%s\n",
			s.oldArg, s.newArg, unread)
	case s.new && !s.old:
		return fmt.Sprintf("# Where the docs and the service disagree\n\nOLD is the docs (`%s`), NEW the service's metadata (`%s`): "+
			"\"added\" is missing from the docs, \"changed\" contradicts the service, \"removed\" is only in the docs.%s\n",
			s.oldArg, s.newArg, unread)
	}
	return "# API changes\n"
}

// unstatedLeftOut leaves out of a comparison with the service what the
// docs do not state, which therefore contradicts nothing: descriptions (a
// CSDL holds none to compare), and a member value the docs do not give
// (most enum pages list names only, and CSDL numbers every member).
func (s serviceSides) unstatedLeftOut(changes []schema.Change) []schema.Change {
	out := changes[:0]
	for _, c := range changes {
		switch {
		case c.Element == schema.ElemDescription:
			continue
		case c.Element == schema.ElemMember && c.Aspect == "value" && !(s.old && s.new):
			docs := c.New
			if s.new {
				docs = c.Old
			}
			if docs == "" {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}
