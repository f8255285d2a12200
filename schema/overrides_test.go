package schema

import (
	"fmt"
	"go/token"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
)

func ovResource(name, base string, rows ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s resource type\n\nNamespace: microsoft.graph\n\nThe %s type.\n\n", name, name)
	if base != "" {
		fmt.Fprintf(&b, "Inherits from [%s](%s.md).\n\n", base, strings.ToLower(base))
	}
	b.WriteString("## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s |\n", r)
	}
	return b.String()
}

// ovPages is a small API with the mistakes of issue 27: otherMails typed
// String, a page that never names its base, mention.id typed Int32.
func ovPages() []*parser.Page {
	files := map[string]string{
		"entity.md":            ovResource("entity", "", "id | String | The key."),
		"directoryobject.md":   ovResource("directoryObject", "entity", "deletedDateTime | DateTimeOffset | When."),
		"user.md":              ovResource("user", "directoryObject", "otherMails | String | Other addresses.", "displayName | String | The name.", "manager | [directoryObject](directoryobject.md) | The manager."),
		"extensionproperty.md": ovResource("extensionProperty", "", "name | String | The name.", "dataType | String | The type."),
		"mention.md":           ovResource("chatMessageMention", "", "mentionId | Int32 | The index.", "mentionText | String | The text."),
		"importance.md":        "---\ndoc_type: enumPageType\n---\n# importance enum type\n\nNamespace: microsoft.graph\n\n## Members\n\n| Member | Value | Description |\n|:--|:--|:--|\n| low | 0 | x |\n| normal | 1 | x |\n| high | 2 | x |\n",
	}
	var pages []*parser.Page
	for path, md := range files {
		pages = append(pages, parser.Parse(path, []byte(md), parser.Options{RootName: "resources"}))
	}
	return pages
}

func resolveOverrides(t *testing.T, file string) (*Schema, diag.List) {
	t.Helper()
	ov, diags := ParseOverrides("ov.json", []byte(file))
	require.Empty(t, diags, "the file parses")
	s := ResolveWith(ovPages(), Options{Overrides: ov})
	var mine diag.List
	for _, d := range s.Diagnostics {
		if d.File == "ov.json" {
			mine = append(mine, d)
		}
	}
	return s, mine
}

const issueOverrides = `{"types": {
  "microsoft.graph.user": {
    "properties": {"otherMails": {"type": "Edm.String", "collection": true}},
    "goName": "Person"},
  "microsoft.graph.extensionProperty": {"base": "microsoft.graph.directoryObject"},
  "microsoft.graph.importance": {"members": ["urgent"]},
  "microsoft.graph.chatMessageMention": {"properties": {"mentionId": {"type": "Edm.String"}}}}}
`

// The four settings of the issue, and a goName, flow through as a page's
// would: links, interfaces and names are made after them.
func TestOverridesApply(t *testing.T) {
	s, diags := resolveOverrides(t, issueOverrides)
	assert.Empty(t, diags)
	user := s.Lookup("microsoft.graph.user")
	require.NotNil(t, user)
	assert.Equal(t, "Person", user.GoName)
	assert.Equal(t, "person.go", user.FileName)
	om := user.Properties[0]
	assert.Equal(t, "otherMails", om.Name)
	assert.True(t, om.Collection)
	assert.Equal(t, "Edm.String", om.Type)
	assert.Equal(t, "ov.json:3", om.Source, "the change comes from the file")
	assert.Equal(t, "user.md:14", user.Properties[1].Source, "an untouched row keeps its page")

	ext := s.Lookup("microsoft.graph.extensionProperty")
	dir := s.Lookup("microsoft.graph.directoryObject")
	require.NotNil(t, ext.BaseType)
	assert.Equal(t, dir, ext.BaseType)
	assert.Equal(t, "microsoft.graph.directoryObject", *ext.Base)
	assert.Contains(t, dir.Derived, ext)
	assert.Equal(t, "AnyDirectoryObject", dir.GoInterface)

	imp := s.Lookup("microsoft.graph.importance")
	require.Len(t, imp.Members, 4)
	assert.Equal(t, "urgent", imp.Members[3].Name)
	assert.Equal(t, "ImportanceUrgent", imp.Members[3].GoName)
	assert.Equal(t, "ov.json:6", imp.Members[3].Source)

	mention := s.Lookup("microsoft.graph.chatMessageMention")
	assert.Equal(t, "Edm.String", mention.Properties[0].Type)

	var listed []string
	for _, o := range s.Overrides {
		listed = append(listed, o.String())
	}
	assert.Equal(t, []string{
		"ov.json:4: microsoft.graph.user goName Person",
		"ov.json:3: microsoft.graph.user.otherMails collection true",
		"ov.json:5: microsoft.graph.extensionProperty base microsoft.graph.directoryObject",
		"ov.json:6: microsoft.graph.importance member urgent",
		"ov.json:7: microsoft.graph.chatMessageMention.mentionId type Edm.String",
	}, listed)

	// Resolve is ResolveWith without options.
	plain := Resolve(ovPages())
	assert.Nil(t, plain.Overrides)
	assert.False(t, plain.Lookup("microsoft.graph.user").Properties[0].Collection)
}

// A property type naming a described type gets its link; a property the
// docs lack is added; base null takes the base away; goNames claim before
// the names pages give.
func TestOverridesAddLinkAndRename(t *testing.T) {
	s, diags := resolveOverrides(t, `{"types": {
  "microsoft.graph.user": {"properties": {
     "displayName": {"type": "microsoft.graph.chatMessageMention", "nullable": false},
     "buddy": {"type": "microsoft.graph.directoryObject", "collection": true, "goName": "Friends"},
     "otherMails": {"goName": "DisplayName"}}},
  "microsoft.graph.directoryObject": {"base": null},
  "microsoft.graph.extensionProperty": {"goName": "ChatMessageMention"}}}`)
	assert.Empty(t, diags)
	user := s.Lookup("microsoft.graph.user")
	dn := user.Properties[1]
	assert.Equal(t, "microsoft.graph.chatMessageMention", dn.Type)
	assert.Equal(t, s.Lookup("microsoft.graph.chatMessageMention"), dn.Ref)
	assert.False(t, dn.Nullable)
	assert.Equal(t, "DisplayName2", dn.GoName, "the pinned name claims first")
	assert.Equal(t, "DisplayName", user.Properties[0].GoName)
	buddy := user.Properties[len(user.Properties)-1]
	assert.Equal(t, "buddy", buddy.Name)
	assert.Equal(t, s.Lookup("microsoft.graph.directoryObject"), buddy.Ref)
	assert.True(t, buddy.Collection)
	assert.True(t, buddy.Nullable)
	assert.Equal(t, "Friends", buddy.GoName)
	assert.Equal(t, "ov.json:4", buddy.Source)

	dir := s.Lookup("microsoft.graph.directoryObject")
	assert.Nil(t, dir.Base)
	assert.Nil(t, dir.BaseType)
	assert.NotContains(t, s.Lookup("microsoft.graph.entity").Derived, dir)
	assert.Equal(t, "ChatMessageMention", s.Lookup("microsoft.graph.extensionProperty").GoName)
	assert.Equal(t, "ChatMessageMention2", s.Lookup("microsoft.graph.chatMessageMention").GoName)
}

func codesAt(diags diag.List) []string {
	var out []string
	for _, d := range diags {
		out = append(out, fmt.Sprintf("%d:%d %s %s", d.Line, d.Col, d.Code, d.Message))
	}
	return out
}

// An override that names nothing is an error with the nearest names; so
// are members on a type that is not an enum, a cycle, and the like.
func TestOverridesMistakes(t *testing.T) {
	_, diags := resolveOverrides(t, `{"types": {
"microsoft.graph.usr": {"goName": "X"},
"microsoft.graph.user": {"base": "microsoft.graph.directoryObjects",
  "members": ["a"],
  "properties": {"manager": {"type": "microsoft.graph.chatMessageMentions"}, "DisplayName": {"nullable": false},
    "id": {"type": "Edm.Int32"}, "fresh": {"nullable": false}, "deletedDateTime": {"goName": "DirectoryObject"}}},
"microsoft.graph.importance": {"base": "microsoft.graph.entity", "properties": {"a": {"type": "Edm.String"}}},
"microsoft.graph.entity": {"base": "microsoft.graph.user"},
"microsoft.graph.chatMessageMention": {"base": "microsoft.graph.importance"}}}`)
	got := codesAt(diags)
	want := []string{
		"2:1 override-unknown the override names microsoft.graph.usr, which no page describes; did you mean microsoft.graph.user?",
		"3:34 override-unknown base of microsoft.graph.user names microsoft.graph.directoryObjects, which no page describes; did you mean microsoft.graph.directoryObject?",
		"4:15 override-invalid members: microsoft.graph.user is not an enum (it is a entity type)",
		"5:38 override-unknown the type of microsoft.graph.user.manager names microsoft.graph.chatMessageMentions, which no page describes; did you mean microsoft.graph.chatMessageMention?",
		"5:78 override-unknown microsoft.graph.user has no property DisplayName; did you mean displayName? (an override adds a property the docs lack only when no property differs from it in case alone)",
		"6:5 override-invalid microsoft.graph.user inherits id (Edm.String) from microsoft.graph.entity: override it on microsoft.graph.entity",
		"6:34 override-invalid microsoft.graph.user has no property fresh: an override that adds one must give its type",
		"6:64 override-invalid microsoft.graph.user inherits deletedDateTime (Edm.DateTimeOffset) from microsoft.graph.directoryObject: override it on microsoft.graph.directoryObject",
		"7:40 override-invalid base: microsoft.graph.importance is an enum, which has no base",
		"7:81 override-invalid properties: microsoft.graph.importance is an enum, which has members, not properties",
		"8:36 override-invalid base of microsoft.graph.entity: microsoft.graph.user is microsoft.graph.entity or derives from it, which would make a cycle",
		"9:48 override-invalid base of microsoft.graph.chatMessageMention: microsoft.graph.importance is an enum",
	}
	assert.Equal(t, want, got)
	for _, d := range diags {
		assert.Equal(t, diag.Error, d.Severity)
	}
}

// A goName that another field or an embedded base already has is refused.
func TestOverrideGoNameTaken(t *testing.T) {
	_, diags := resolveOverrides(t, `{"types": {"microsoft.graph.user": {"properties": {"displayName": {"goName": "DirectoryObject"}}}}}`)
	assert.Equal(t, []string{"1:78 override-invalid goName DirectoryObject of microsoft.graph.user.displayName is taken (by another field, an embedded or inherited name, or a method); the field is named DirectoryObject2"}, codesAt(diags))
}

// An override the docs agree with is a warning of its own code.
func TestOverridesNotNeeded(t *testing.T) {
	_, diags := resolveOverrides(t, `{"types": {
"microsoft.graph.user": {"goName": "User", "base": "microsoft.graph.directoryObject",
  "properties": {"displayName": {"type": "Edm.String", "nullable": true}, "id": {"type": "Edm.String"}}},
"microsoft.graph.chatMessageMention": {"base": null},
"microsoft.graph.importance": {"members": ["high"]}}}`)
	assert.Equal(t, []string{
		"2:36 override-not-needed no longer needed: the docs say this now (microsoft.graph.user is named User)",
		"2:52 override-not-needed no longer needed: the docs say this now (microsoft.graph.user has the base microsoft.graph.directoryObject)",
		"3:18 override-not-needed no longer needed: the docs say this now (microsoft.graph.user.displayName is Edm.String)",
		"3:75 override-not-needed no longer needed: the docs say this now (microsoft.graph.user.id is Edm.String, inherited from microsoft.graph.entity)",
		"4:48 override-not-needed no longer needed: the docs say this now (microsoft.graph.chatMessageMention has no base)",
		"5:44 override-not-needed no longer needed: the docs say this now (microsoft.graph.importance has member high)",
	}, codesAt(diags))
	for _, d := range diags {
		assert.Equal(t, diag.Warning, d.Severity)
	}
}

// A file that is not JSON is an error at its line and column; one that is
// JSON but not of the format, at the value that is wrong.
func TestParseOverridesErrors(t *testing.T) {
	for _, c := range []struct{ file, want string }{
		{"{\"types\": {\n  \"microsoft.graph.user\": {,}}}", "2:28 overrides-syntax the overrides file is not valid JSON: invalid character ',' looking for beginning of object key string"},
		{"{\"types\": {}}\n{}", "2:1 overrides-syntax the overrides file is not valid JSON: more after the first value"},
		{"{\"types\": {\n", "2:1 overrides-syntax the overrides file is not valid JSON: unexpected EOF"},
		{"", "1:1 overrides-syntax the overrides file is not valid JSON: EOF"},
		{"{\"types\": {\"a.\xff\": {}}}", "1:15 overrides-syntax the overrides file is not valid UTF-8"},
		{`[]`, "1:1 override-invalid the overrides file must be a JSON object"},
		{`{"type": {}}`, `1:2 override-invalid unknown key "type" in the overrides file; the keys are types`},
		{`{}`, `1:1 override-invalid the overrides file has no "types"`},
		{`{"types": {"user": {}}}`, `1:12 override-invalid "user" is not a qualified type name (namespace.name, as in the schema JSON)`},
		{`{"types": {"a.b": {"goname": "X"}}}`, `1:20 override-invalid unknown key "goname" in the entry of a.b; the keys are properties, goName, base, members`},
		{`{"types": {"a.b": {"goName": "x"}}}`, `1:30 override-invalid goName of a.b "x" is not exported (it must begin with an upper-case letter)`},
		{`{"types": {"a.b": {"goName": "X-Y"}}}`, `1:30 override-invalid goName of a.b "X-Y" is not a Go identifier`},
		{`{"types": {"a.b": {"goName": "X\nfunc init() {}"}}}`, `1:30 override-invalid goName of a.b "X\nfunc init() {}" is not a Go identifier`},
		{`{"types": {"a.b": {"goName": "Collection"}}}`, `1:30 override-invalid goName of a.b "Collection" is a name of the generated package's runtime`},
		{`{"types": {"a.b": {"goName": "AnyThing"}}}`, `1:30 override-invalid goName of a.b "AnyThing" begins with Any, which names the interfaces of types with derived types`},
		{`{"types": {"a.b": {"goName": 3}}}`, `1:30 override-invalid goName of a.b must be a string`},
		{`{"types": {"a.b": {"properties": {"p": {"goName": "Clone"}}}}}`, `1:51 override-invalid goName of a.b.p "Clone" is the name of a method every struct has`},
		{`{"types": {"a.b": {"properties": {"p": {"type": "String"}}}}}`, `1:49 override-invalid type "String" of a.b.p is neither an Edm primitive (Edm.String, Edm.Int32, ...) nor a qualified type name`},
		{`{"types": {"a.b": {"properties": {"p": {"type": "Edm.Text"}}}}}`, `1:49 override-invalid type "Edm.Text" of a.b.p is neither an Edm primitive (Edm.String, Edm.Int32, ...) nor a qualified type name`},
		{`{"types": {"a.b": {"properties": {"p": {"collection": "yes"}}}}}`, `1:55 override-invalid collection of a.b.p must be true or false`},
		{`{"types": {"a.b": {"properties": {"p\"x": {}}}}}`, `1:35 override-invalid property "p\"x" of a.b is not a name gen can write safely (empty, or a quote, backtick, backslash, comma or control character)`},
		{`{"types": {"a.b": {"members": ["ok", "a,b", 1]}}}`, `1:38 override-invalid member "a,b" of a.b is not a name gen can write safely (empty, or a quote, backtick, backslash, comma or control character)`},
		{`{"types": {"a.b": {"base": "b"}}}`, `1:28 override-invalid base of a.b must be a qualified type name or null`},
		{`{"types": {"a.b": {}, "a.b": {}}}`, `1:23 override-invalid "a.b" is given twice in "types"`},
	} {
		_, diags := ParseOverrides("ov.json", []byte(c.file))
		got := codesAt(diags)
		require.NotEmpty(t, got, c.file)
		assert.Equal(t, c.want, got[0], c.file)
		for _, d := range diags {
			assert.Equal(t, "ov.json", d.File)
			assert.Equal(t, diag.Error, d.Severity)
		}
	}
}

// The schema JSON lists the overrides with their file:line, reads them
// back, and gen diff names the file as the source of what they changed.
func TestOverridesInSchemaJSONAndDiff(t *testing.T) {
	s, _ := resolveOverrides(t, issueOverrides)
	b, err := s.JSON()
	require.NoError(t, err)
	assert.Contains(t, string(b), `"overrides": [`)
	assert.Contains(t, string(b), `"source": "ov.json:5"`)
	back, err := ReadJSON(b)
	require.NoError(t, err)
	assert.Equal(t, s.Overrides, back.Overrides)

	old := Resolve(ovPages())
	at := map[string]string{}
	for _, c := range Diff(old, back) {
		at[c.Type+" "+string(c.Element)+" "+c.Aspect] = c.At
	}
	assert.Equal(t, "ov.json:5", at["microsoft.graph.extensionProperty type base"])
	assert.Equal(t, "ov.json:4", at["microsoft.graph.user go-name "])
	assert.Equal(t, "ov.json:6", at["microsoft.graph.importance member "])
	assert.Equal(t, "ov.json:7", at["microsoft.graph.chatMessageMention property type"])
	assert.Equal(t, "ov.json:3", at["microsoft.graph.user property type"])
	for k, v := range at {
		if strings.HasPrefix(k, "microsoft.graph.user property") {
			assert.Equal(t, "ov.json:3", v, k)
		}
	}
	// A schema without overrides has no such key: older readers see the
	// format they know.
	plain, err := old.JSON()
	require.NoError(t, err)
	assert.NotContains(t, string(plain), `"overrides"`)
}

// microsoft.graph.Json (any JSON) may be named though no page describes it.
func TestOverrideToAnyJSON(t *testing.T) {
	s, diags := resolveOverrides(t, `{"types": {"microsoft.graph.user": {"properties": {"otherMails": {"type": "microsoft.graph.Json"}}}}}`)
	assert.Empty(t, diags)
	p := s.Lookup("microsoft.graph.user").Properties[0]
	assert.Equal(t, "microsoft.graph.Json", p.Type)
	assert.Nil(t, p.Ref)
}

// Any file: reading never panics, every diagnostic lies in the file, and
// applying what was read to a schema gives every type and field a Go
// identifier, the goNames the file asked for included.
func FuzzOverrides(f *testing.F) {
	f.Add([]byte(issueOverrides))
	f.Add([]byte(`{"types": {"microsoft.graph.user": {"properties": {"x": {"type": "microsoft.graph.user", "goName": "User"}}, "base": null}}}`))
	f.Add([]byte(`{"types": {"microsoft.graph.importance": {"members": ["a", "b"]}, "microsoft.graph.entity": {"goName": "Thing"}}}`))
	f.Add([]byte("{\"types\": {\n,}}"))
	pages := ovPages()
	f.Fuzz(func(t *testing.T, data []byte) {
		ov, diags := ParseOverrides("ov.json", data)
		lines := 1 + strings.Count(string(data), "\n")
		for _, d := range diags {
			if d.File != "ov.json" || d.Line < 1 || d.Line > lines || d.Col < 1 {
				t.Fatalf("diagnostic outside the file: %v", d)
			}
		}
		s := ResolveWith(pages, Options{Overrides: ov})
		for _, typ := range s.Types {
			if !token.IsIdentifier(typ.GoName) {
				t.Fatalf("type %s named %q", typ.Name, typ.GoName)
			}
			for _, p := range typ.Properties {
				if !token.IsIdentifier(p.GoName) {
					t.Fatalf("field %s.%s named %q", typ.Name, p.Name, p.GoName)
				}
			}
		}
	})
}

func TestOverrideNotNeededSaysWhat(t *testing.T) {
	_, diags := resolveOverrides(t, `{"types": {"microsoft.graph.user": {"properties": {"displayName": {"goName": "DisplayName"}}}}}`)
	require.Len(t, diags, 1)
	assert.Equal(t, "no longer needed: the docs say this now (microsoft.graph.user.displayName is Edm.String, named DisplayName)", diags[0].Message)
}
