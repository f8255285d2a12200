// Package naming is the one place that turns service names into Go names
// and file names. Every rule is deterministic and shown by example:
//
//	totalLicensesCount          => TotalLicensesCount
//	id, webUrl, ipAddress       => ID, WebURL, IPAddress
//	userIds, identifierUris     => UserIDs, IdentifierURIs (a plural initialism keeps its case)
//	microsoft.graph.user        => User
//	microsoft.graph.callRecords.endpoint => CallRecordsEndpoint
//	3dModel                     => X3dModel    (Go names cannot start with a digit)
//	@odata.etag, content-type   => OdataEtag, ContentType (separators split words)
//	тоталлиценсескаунт          => Тоталлиценсескаунт (letters are kept)
//	VppTokenActionResult        => vpp_token_action_result.go
//	FooWindows                  => foo_windows_model.go (not a GOOS build constraint)
//
// Collisions are settled by Scope: the first claimant keeps the name, later
// ones get the suffix 2, 3, ... in the order they claim it. Callers claim
// in ClaimOrder, which depends on the names alone: the spelling closest to
// the Go name first (queryString before query_string for QueryString), so
// neither page order nor row order can move a suffix.
package naming

import (
	"cmp"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// initialisms are written in upper case whole, as Go style asks.
var initialisms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "CPU": true, "CSS": true, "DNS": true, "EOF": true,
	"GUID": true, "HTML": true, "HTTP": true, "HTTPS": true, "ID": true, "IP": true, "JSON": true,
	"OS": true, "QPS": true, "RAM": true, "RPC": true, "SLA": true, "SMS": true, "SMTP": true,
	"SQL": true, "SSH": true, "SSO": true, "TCP": true, "TLS": true, "TTL": true, "TTLS": true, "UDP": true,
	"UI": true, "UID": true, "UPN": true, "URI": true, "URL": true, "UTC": true, "UUID": true,
	"VM": true, "VPN": true, "XML": true, "XMPP": true, "XSRF": true, "XSS": true,
}

// Words splits a name into words at separators, lower-to-upper case
// changes, the end of an upper-case run ("HTTPServer" => HTTP Server) and
// a capital after a digit ("ipv4Address" => ipv4 Address).
func Words(s string) []string {
	return appendWords(nil, s)
}

// appendWords appends the Words of s to dst.
func appendWords(dst []string, s string) []string {
	if isASCII(s) {
		return appendASCIIWords(dst, s)
	}
	return append(dst, runeWords(s)...)
}

// runeWords is Words for any letters.
func runeWords(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	runes := []rune(s)
	for i, r := range runes {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if len(cur) > 0 {
			prev := cur[len(cur)-1]
			switch {
			case unicode.IsUpper(r) && unicode.IsLower(prev):
				flush()
			case unicode.IsUpper(r) && unicode.IsUpper(prev) && i+1 < len(runes) && unicode.IsLower(runes[i+1]):
				flush()
			case unicode.IsUpper(r) && unicode.IsDigit(prev):
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

// appendASCIIWords is appendWords for the common case, an ASCII name: the
// same rules on bytes, appending substrings of s (naming runs for every
// type, member and property of a run).
func appendASCIIWords(words []string, s string) []string {
	start := -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isAlnum(c) {
			if start >= 0 {
				words = append(words, s[start:i])
				start = -1
			}
			continue
		}
		if start >= 0 {
			prev := s[i-1]
			if isUpper(c) && (isLower(prev) || isDigit(prev) || isUpper(prev) && i+1 < len(s) && isLower(s[i+1])) {
				words = append(words, s[start:i])
				start = -1
			}
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		words = append(words, s[start:])
	}
	return words
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isAlnum(c byte) bool { return isUpper(c) || isLower(c) || isDigit(c) }

// Pascal turns a name into an exported Go identifier (see the package
// comment). The result is never empty.
func Pascal(s string) string {
	out := pascalWords(s)
	if out == "" {
		return "X"
	}
	r, _ := utf8.DecodeRuneInString(out)
	if !unicode.IsUpper(r) {
		// A leading digit, or a letter with no upper case: not exported.
		out = "X" + out
	}
	return out
}

// Camel turns a name into an unexported Go identifier, for a parameter:
// user-id => userID, ID => id, URLName => urlName, 2fa => x2fa; a Go
// keyword or predeclared name gets "Arg" after it (type => typeArg).
func Camel(s string) string {
	p := pascalWords(s)
	if p == "" {
		return "x"
	}
	if r, _ := utf8.DecodeRuneInString(p); !unicode.IsUpper(r) {
		p = "x" + p
	}
	// The leading run of upper-case letters is one initialism, or ends
	// where the next word starts (URLName: URL, then Name).
	n := 0
	for n < len(p) && isUpper(p[n]) {
		n++
	}
	if n > 1 && n < len(p) && isLower(p[n]) {
		n--
	}
	if n == 0 { // a non-ASCII first letter
		r, size := utf8.DecodeRuneInString(p)
		p, n = string(unicode.ToLower(r))+p[size:], 0
	}
	out := strings.ToLower(p[:n]) + p[n:]
	if isReserved(out) {
		out += "Arg"
	}
	return out
}

// MemberSuffix is an enum member's name as the end of its constant's name,
// which starts with its type's Go name: Pascal case, with no X in front of
// a leading digit (the type's name already makes an exported identifier),
// so member "403" of HTTPStatus is HTTPStatus403.
func MemberSuffix(s string) string {
	if out := pascalWords(s); out != "" {
		return out
	}
	return "X"
}

// pascalWords is the words of s in Pascal case, initialisms whole.
func pascalWords(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 1)
	var upBuf [16]byte
	var wordBuf [8]string // most names have fewer words: no allocation
	for _, w := range appendWords(wordBuf[:0], s) {
		up := upperWord(upBuf[:0], w)
		if initialisms[string(up)] {
			b.Write(up)
			continue
		}
		if n := len(up) - 1; len(up) == len(w) && up[n] == 'S' && w[n] == 's' && initialisms[string(up[:n])] {
			b.Write(up[:n]) // Ids => IDs, Urls => URLs; HTTPS is itself an initialism
			b.WriteByte('s')
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(w[n:])
	}
	return b.String()
}

// upperWord is w in upper case, in buf when it is ASCII (no allocation
// for the initialism lookups).
func upperWord(buf []byte, w string) []byte {
	if !isASCII(w) {
		return []byte(strings.ToUpper(w))
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if isLower(c) {
			c -= 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// TypeName is the Go name of a qualified type name: the short name, with
// the last namespace segment in front for namespaces other than
// microsoft.graph (short names repeat across namespaces).
func TypeName(qualified string) string {
	ns, short := "", qualified
	if i := strings.LastIndexByte(qualified, '.'); i >= 0 {
		ns, short = qualified[:i], qualified[i+1:]
	}
	if ns == "" || strings.EqualFold(ns, "microsoft.graph") {
		return Pascal(short)
	}
	seg := ns
	if i := strings.LastIndexByte(ns, '.'); i >= 0 {
		seg = ns[i+1:]
	}
	return Pascal(seg) + Pascal(short)
}

// Snake turns a Go name into snake_case: VppTokenActionResult =>
// vpp_token_action_result, IPAddress => ip_address.
func Snake(goName string) string {
	words := Words(goName)
	for i, w := range words {
		words[i] = strings.ToLower(w)
	}
	return strings.Join(words, "_")
}

var goos = map[string]bool{
	"aix": true, "android": true, "darwin": true, "dragonfly": true, "freebsd": true, "hurd": true,
	"illumos": true, "ios": true, "js": true, "linux": true, "nacl": true, "netbsd": true, "openbsd": true,
	"plan9": true, "solaris": true, "wasip1": true, "windows": true, "zos": true,
}

var goarch = map[string]bool{
	"386": true, "amd64": true, "amd64p32": true, "arm": true, "armbe": true, "arm64": true, "arm64be": true,
	"loong64": true, "mips": true, "mipsle": true, "mips64": true, "mips64le": true, "mips64p32": true,
	"mips64p32le": true, "ppc": true, "ppc64": true, "ppc64le": true, "riscv": true, "riscv64": true,
	"s390": true, "s390x": true, "sparc": true, "sparc64": true, "wasm": true,
}

// FileName is the Go file for a type's Go name, never one the go tool
// would treat as a test or as build-constrained (*_test.go, *_windows.go,
// *_amd64.go, *_linux_arm64.go): those get "_model" appended.
func FileName(goName string) string {
	base := Snake(goName)
	if base == "" {
		base = "x"
	}
	if constrained(base) {
		base += "_model"
	}
	return base + ".go"
}

func constrained(base string) bool {
	parts := strings.Split(base, "_")
	if len(parts) < 2 {
		return false
	}
	last := parts[len(parts)-1]
	if last == "test" || goos[last] || goarch[last] {
		return true
	}
	return false
}

// isReserved reports Go keywords and predeclared identifiers, which an
// unexported generated name must not take.
func isReserved(s string) bool {
	if token.IsKeyword(s) {
		return true
	}
	switch s {
	case "any", "append", "bool", "byte", "cap", "clear", "close", "comparable", "complex", "complex64",
		"complex128", "copy", "delete", "error", "false", "float32", "float64", "imag", "int", "int8",
		"int16", "int32", "int64", "iota", "len", "make", "max", "min", "new", "nil", "panic", "print",
		"println", "real", "recover", "rune", "string", "true", "uint", "uint8", "uint16", "uint32",
		"uint64", "uintptr":
		return true
	}
	return false
}

// Scope hands out unique names in one Go scope (a package or a struct).
type Scope struct {
	few    []string        // the names taken, while they are few (most structs)
	taken  map[string]bool // the names taken, once they are many
	fold   bool            // compare case-insensitively (file names on macOS and Windows)
	parent *Scope          // its names are taken here too (see Child)
}

// scopeFew is how many names a scope keeps in a list before a map: a
// struct's fields are mostly fewer, and a list of them costs less.
const scopeFew = 16

// NewScope returns a scope with the given names already taken.
func NewScope(reserved ...string) *Scope {
	s := &Scope{}
	for _, r := range reserved {
		s.add(r)
	}
	return s
}

// NewFoldScope is NewScope for names that must differ in more than case.
func NewFoldScope(reserved ...string) *Scope {
	s := &Scope{fold: true}
	for _, r := range reserved {
		s.add(strings.ToLower(r))
	}
	return s
}

// Child returns a scope in which every name s has taken is taken, without
// copying them: a derived type's fields start from its base's. s must not
// claim more names afterwards.
func (s *Scope) Child() *Scope {
	return &Scope{fold: s.fold, parent: s}
}

func (s *Scope) add(key string) {
	if s.taken == nil && len(s.few) < scopeFew {
		s.few = append(s.few, key)
		return
	}
	if s.taken == nil {
		s.taken = make(map[string]bool, 2*scopeFew)
		for _, k := range s.few {
			s.taken[k] = true
		}
		s.few = nil
	}
	s.taken[key] = true
}

func (s *Scope) has(key string) bool {
	for x := s; x != nil; x = x.parent {
		if x.taken != nil {
			if x.taken[key] {
				return true
			}
		} else if slices.Contains(x.few, key) {
			return true
		}
	}
	return false
}

func (s *Scope) key(n string) string {
	if s.fold {
		return strings.ToLower(n)
	}
	return n
}

// Taken reports whether name is taken.
func (s *Scope) Taken(name string) bool { return s.has(s.key(name)) }

// Claim returns name, or name with the smallest suffix 2, 3, ... that is
// free, and marks it taken. For file names ("x.go") the suffix goes before
// the extension.
func (s *Scope) Claim(name string) string {
	stem, ext := name, ""
	if strings.HasSuffix(name, ".go") {
		stem, ext = strings.TrimSuffix(name, ".go"), ".go"
	}
	cand := name
	for i := 2; s.has(s.key(cand)); i++ {
		sep := ""
		if ext != "" {
			sep = "_"
		}
		cand = stem + sep + strconv.Itoa(i) + ext
	}
	s.add(s.key(cand))
	return cand
}

// SupportNames are the exported package-level names the support files
// declare (the runtime's, templates/runtime, the client's included, which
// only a package generated with -client holds: the names are kept free
// either way, so -client never renames a type); no type or constant may
// take them. TestSupportNamesAreTheRuntimes keeps the list equal to the
// runtime.
var SupportNames = []string{"ClearNull", "Client", "ClientOption", "Collection", "Date", "DecodeError", "DefaultRetryPolicy", "Duration", "ErrPagingLoop",
	"IsNull", "JoinFlags", "LookupOperation", "Marshal", "Mismatch", "New", "NewClient", "Object", "OperationSpec", "Operations", "ParseDate",
	"ParseDuration", "ParseTimeOfDay", "PatchBody", "PermissionSpec", "Ptr", "RequestOption", "RequestSpec", "ResponseError", "ResponseErrorDetail",
	"RetryPolicy", "SetNull", "TimeOfDay", "Unmarshal", "Value", "WithBaseURL", "WithConsistencyLevel", "WithCount", "WithDeltaLinkOut", "WithExpand",
	"WithFilter", "WithHeader", "WithMaxPages", "WithNextLink", "WithOrderBy", "WithQuery", "WithRetryPolicy", "WithSearch", "WithSelect", "WithSkip",
	"WithTop"}

// SupportFiles are the file names the support files use: doc.go,
// registry.go, the operation table, action bodies and client methods and
// paths, and the runtime's (templates.Runtime), the client's included.
var SupportFiles = []string{"doc.go", "registry.go", "operations.go", "operation_bodies.go", "operation_methods.go", "operation_paths.go",
	"odata_client.go", "odata_client_error.go", "odata_client_options.go", "odata_client_paging.go", "odata_client_path.go", "odata_client_retry.go",
	"odata_clone.go", "odata_collection.go", "odata_decode.go", "odata_edm.go",
	"odata_encode.go", "odata_flags.go", "odata_object.go", "odata_operation.go", "odata_patch.go", "odata_plan.go", "odata_registry.go", "odata_scan.go", "odata_value.go"}

// StructMethodNames are the methods and embedded field a generated struct
// has (its own, and Object's promoted ones); no field may take them. Enum
// types have no fields, so their methods (String, Values, IsKnown, Split)
// leave field names alone.
var StructMethodNames = []string{"ODataType", "MarshalJSON", "UnmarshalJSON", "Clone", "Object", "AdditionalData", "SetAdditionalData"}

// ClaimOrder sorts items into the order their Go names are claimed, by a
// name of each: first the names spelt as their Go name is (camelCase, then
// PascalCase, no separators), then the rest; ties by the name itself. The
// order depends on the names alone, not on where they came from.
func ClaimOrder[T any](items []T, name func(T) string) {
	if len(items) < 2 {
		return
	}
	type keyed struct {
		rank int
		name string
		item T
	}
	ks := make([]keyed, len(items))
	for i, it := range items {
		n := name(it)
		ks[i] = keyed{claimRank(n), n, it}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), strings.Compare(a.name, b.name))
	})
	for i := range ks {
		items[i] = ks[i].item
	}
}

// claimRank is a name's place in ClaimOrder: 0 for camelCase, 1 for
// PascalCase, 2 for a name with separators (or none).
func claimRank(n string) int {
	switch {
	case n == "" || strings.ContainsFunc(n, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }):
		return 2
	case unicode.IsUpper(firstRune(n)):
		return 1
	}
	return 0
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
