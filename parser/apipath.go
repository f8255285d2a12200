// The syntax of a request path: its segments, keys and function
// parentheses, as written on an API page. What a segment names (an entity
// set, a navigation property, an operation) is the schema's to resolve.

package parser

import "strings"

// Segment is one segment of a request path.
type Segment struct {
	Raw  string // as written
	Name string // the name before any parentheses; "" for a key segment
	// Key: the segment is a key ({id | userPrincipalName}, {user-id}).
	Key bool
	// Parens: the segment has parentheses after its name: a key
	// (users('x')) or a function's arguments (reminderView(a=b)).
	Parens bool
	// Args are the names of name=value arguments in the parentheses, in
	// order; a positional argument (a key) has no name.
	Args []string
	// Positional counts the arguments without a name.
	Positional int
	// Unclosed: a brace, parenthesis or quote the path opens in this
	// segment is never closed (range(address='<address>'/entireRow); what
	// follows cannot be told apart.
	Unclosed bool
}

// SplitPath reads a request path into segments: "/" splits only outside
// braces, parentheses and quotes, and a drive item addressed by its path
// (root:/{item-path}: or items/{id}:/{file}:) stays one segment of the
// item.
func SplitPath(p string) []Segment {
	p = stripPathAddressing(p)
	var out []Segment
	depth, quote, start := 0, byte(0), 0
	flush := func(end int) {
		if raw := strings.TrimSpace(p[start:end]); raw != "" {
			out = append(out, readSegment(raw))
		}
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' && depth > 0:
			quote = c
		case c == '{' || c == '(':
			depth++
		case (c == '}' || c == ')') && depth > 0:
			depth--
		case c == '/' && depth == 0:
			flush(i)
			start = i + 1
		}
	}
	flush(len(p))
	if (depth > 0 || quote != 0) && len(out) > 0 {
		out[len(out)-1].Unclosed = true
	}
	return out
}

// stripPathAddressing removes the ":/path:" parts that address a drive item
// by its path: what follows is the item's, as after a key.
func stripPathAddressing(p string) string {
	for {
		i := strings.Index(p, ":/")
		if i < 0 {
			return p
		}
		rest := p[i+2:]
		j := strings.IndexByte(rest, ':')
		if j < 0 {
			return p[:i]
		}
		p = p[:i] + rest[j+1:]
	}
}

func readSegment(raw string) Segment {
	s := Segment{Raw: raw}
	if strings.HasPrefix(raw, "{") || strings.HasPrefix(raw, "<") || strings.HasPrefix(raw, "'") {
		s.Key = true
		return s
	}
	open := strings.IndexByte(raw, '(')
	if open < 0 {
		s.Name = raw
		return s
	}
	s.Name, s.Parens = raw[:open], true
	inner := raw[open+1:]
	if close := strings.LastIndexByte(inner, ')'); close >= 0 {
		inner = inner[:close]
	}
	for _, arg := range splitArgs(inner) {
		name, _, named := strings.Cut(arg, "=")
		name = strings.TrimSpace(name)
		if named && IsIdentifier(name) {
			s.Args = append(s.Args, name)
		} else if strings.TrimSpace(arg) != "" {
			s.Positional++
		}
	}
	return s
}

// splitArgs splits a parenthesised list at the commas outside braces,
// parentheses and quotes.
func splitArgs(s string) []string {
	var out []string
	depth, quote, start := 0, byte(0), 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'':
			quote = c
		case c == '{' || c == '(':
			depth++
		case (c == '}' || c == ')') && depth > 0:
			depth--
		case c == ',' && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}
