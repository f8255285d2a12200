// The Go names the client takes from the operations' paths: each path's
// placeholders as parameters, and for an operation documented with
// several paths, the type and functions that choose one (named pass of
// assignNames, after the operations and their bodies).

package schema

import (
	"strings"

	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/schema/naming"
)

// clientLocals are the names a client method's own code uses (its
// locals, the runtime's helpers it calls, the packages its signature
// names): no parameter from a path takes them.
var clientLocals = []string{"c", "ctx", "body", "opts", "out", "err", "path", "p", "seq",
	"pathKey", "funcArg", "failed", "context", "iter", "time", "json"}

// assignPathNames names the page methods of the lists, every request's
// placeholders and, in an operation
// with several distinct paths, the path type (UserListMessagesPath) and a
// function per path (UserListMessagesAtMe, UserListMessagesAtUsers): "At"
// and the named segments of the path that not all its paths share at
// their end. The operations are in GoName order, so the claims are too.
func assignPathNames(s *Schema, pkg *naming.Scope) {
	// The client's methods: one per operation (its GoName), Do, and a
	// page method per list.
	methods := naming.NewScope("Do")
	for _, o := range s.Operations {
		methods.Claim(o.GoName)
	}
	for _, o := range s.Operations {
		o.PageGoName = ""
		if o.Returns != nil && o.Returns.Collection && len(o.Requests) > 0 && o.Requests[0].Method == "GET" {
			o.PageGoName = methods.Claim(o.GoName + "Page")
		}
	}
	for _, o := range s.Operations {
		seen := map[string]bool{}
		var distinct []int
		for i := range o.Requests {
			r := &o.Requests[i]
			r.Params = pathParams(r.Path)
			r.GoName = ""
			if shape := r.Method + " " + pathShape(r.Path, r.Params); !seen[shape] {
				seen[shape] = true
				distinct = append(distinct, i)
			}
		}
		o.PathGoName = ""
		if len(distinct) < 2 {
			continue
		}
		o.PathGoName = pkg.Claim(o.GoName + "Path")
		names := make([][]string, len(distinct))
		for k, i := range distinct {
			for _, seg := range parser.SplitPath(o.Requests[i].Path) {
				if seg.Name != "" {
					names[k] = append(names[k], seg.Name)
				}
			}
		}
		shared := sharedSuffix(names)
		methods := map[string]bool{}
		for _, i := range distinct {
			methods[o.Requests[i].Method] = true
		}
		for k, i := range distinct {
			own := names[k][:len(names[k])-shared]
			if len(own) == 0 {
				own = names[k]
			}
			var b strings.Builder
			for _, n := range own {
				b.WriteString(naming.Pascal(n))
			}
			verb := "" // PATCH and PUT of one path: UserSetPhotoContentPutAtMe
			if len(methods) > 1 {
				verb = naming.Pascal(strings.ToLower(o.Requests[i].Method))
			}
			o.Requests[i].GoName = pkg.Claim(o.GoName + verb + "At" + b.String())
		}
	}
}

// pathShape is what tells two paths of one method apart for the client: the path in
// lower case with each placeholder as {} ({usersId}, {Id|userPrincipalName}
// and {id | userPrincipalName} after /users are one path, one function).
func pathShape(path string, params []PathParam) string {
	for _, p := range params {
		path = strings.Replace(path, p.Placeholder, "{}", 1)
	}
	return strings.ToLower(strings.TrimSuffix(path, "/"))
}

// sharedSuffix is how many names all the lists end with, leaving one in
// the shortest.
func sharedSuffix(lists [][]string) int {
	shortest := -1
	for _, l := range lists {
		if shortest < 0 || len(l) < shortest {
			shortest = len(l)
		}
	}
	n := 0
	for n < shortest-1 {
		w := lists[0][len(lists[0])-1-n]
		for _, l := range lists[1:] {
			if !strings.EqualFold(l[len(l)-1-n], w) {
				return n
			}
		}
		n++
	}
	return n
}

// pathParams are the placeholders of a path ({x} or <x>), in order: {user-id} is
// userID; {id} after users is usersID; a function's name={x} is named by
// its argument; each name once in the method.
func pathParams(path string) []PathParam {
	var out []PathParam
	locals := naming.NewScope(clientLocals...)
	prev := ""
	for i := 0; i < len(path); i++ {
		switch c := path[i]; {
		case c == '/' || c == '(':
			// The name of the segment a key follows.
			j := i + 1
			for j < len(path) && path[j] != '/' && path[j] != '(' && path[j] != '{' && path[j] != '\'' {
				j++
			}
			if name := strings.TrimSpace(path[i+1 : j]); name != "" && c == '/' {
				prev = name
			}
		case c == '{' || c == '<': // {user-id}, or <address> as workbook pages write it
			closer := byte('}')
			if c == '<' {
				closer = '>'
			}
			end := strings.IndexByte(path[i:], closer)
			if end < 0 {
				return out
			}
			ph := path[i : i+end+1]
			p := PathParam{Placeholder: ph}
			if arg := argumentBefore(path, i); arg != "" {
				p.Argument = arg
			}
			p.GoName = locals.Claim(placeholderName(ph, p.Argument, prev))
			out = append(out, p)
			i += end
		}
	}
	return out
}

// argumentBefore is the name of the function argument whose value starts
// at i (name={x}, not name='{x}'), else "".
func argumentBefore(path string, i int) string {
	if i == 0 || path[i-1] != '=' {
		return ""
	}
	j := i - 1
	for j > 0 && path[j-1] != '(' && path[j-1] != ',' {
		j--
	}
	name := strings.TrimSpace(path[j : i-1])
	if !parser.IsIdentifier(name) {
		return ""
	}
	return name
}

// placeholderName is a placeholder's parameter name: the argument's for a
// function argument, else the placeholder's first alternative ({id |
// userPrincipalName}: id), the segment's name, singular, in front of a
// bare id ({id} after users: userID).
func placeholderName(ph, argument, segment string) string {
	if argument != "" {
		return naming.Camel(argument)
	}
	text := strings.Trim(ph, "{} ")
	text, _, _ = strings.Cut(text, "|")
	text = strings.TrimSuffix(strings.TrimSpace(text), "-value")
	if strings.EqualFold(text, "id") && segment != "" {
		text = singular(segment) + "-id"
	}
	return naming.Camel(text)
}

// singular is an English plural's singular, for a key's parameter name
// (users => user, policies => policy, addresses => address), else the
// word itself.
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "xes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}
