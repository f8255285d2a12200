package schema

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser"
)

// page builds a resource page from a few parts.
type page struct {
	path, title, ns, annotation, inherits string
	rows                                  []string // "name|type|description"
	rels                                  []string
	json                                  string
}

func (p page) markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s resource type\n\n", p.title)
	if p.ns != "" {
		fmt.Fprintf(&b, "Namespace: %s\n\n", p.ns)
	}
	fmt.Fprintf(&b, "The %s type.\n\n", p.title)
	if p.inherits != "" {
		fmt.Fprintf(&b, "Inherits from [%s](%s.md).\n\n", p.inherits, strings.ToLower(p.inherits))
	}
	b.WriteString("## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n")
	for _, r := range p.rows {
		fmt.Fprintf(&b, "|%s|\n", r)
	}
	if len(p.rels) > 0 {
		b.WriteString("\n## Relationships\n|Relationship|Type|Description|\n|:--|:--|:--|\n")
		for _, r := range p.rels {
			fmt.Fprintf(&b, "|%s|\n", r)
		}
	}
	if p.annotation != "" || p.json != "" {
		b.WriteString("\n## JSON representation\n")
		if p.annotation != "" {
			fmt.Fprintf(&b, "<!-- {\"blockType\": \"resource\", %s} -->\n", p.annotation)
		}
		if p.json != "" {
			fmt.Fprintf(&b, "```json\n%s\n```\n", p.json)
		}
	}
	return b.String()
}

func resolve(t *testing.T, pages ...page) *Schema {
	t.Helper()
	var parsed []*parser.Page
	for _, p := range pages {
		path := p.path
		if path == "" {
			path = strings.ToLower(p.title) + ".md"
		}
		parsed = append(parsed, parser.Parse(path, []byte(p.markdown()), parser.Options{RootName: "resources"}))
	}
	return Resolve(parsed)
}

func resolveRaw(t *testing.T, files map[string]string) *Schema {
	t.Helper()
	var parsed []*parser.Page
	for path, md := range files {
		parsed = append(parsed, parser.Parse(path, []byte(md), parser.Options{RootName: "resources"}))
	}
	return Resolve(parsed)
}

// schemaJSON is the schema as -schema-out writes it, with its links named.
func schemaJSON(t *testing.T, s *Schema) string {
	t.Helper()
	b, err := s.JSON()
	require.NoError(t, err)
	var links strings.Builder
	for _, typ := range s.Types {
		links.WriteString(typ.Name + " file " + typ.FileName + " key " + typ.KeyProperty + "\n")
		if typ.BaseType != nil {
			links.WriteString(typ.Name + " base " + typ.BaseType.Name + "\n")
		}
		for _, d := range typ.Derived {
			links.WriteString(typ.Name + " derived " + d.Name + "\n")
		}
		for _, p := range typ.Properties {
			if p.Ref != nil {
				links.WriteString(typ.Name + "." + p.Name + " ref " + p.Ref.Name + "\n")
			}
		}
	}
	return string(b) + links.String()
}

func names(props []*Property) []string {
	var out []string
	for _, p := range props {
		out = append(out, p.Name)
	}
	return out
}

func diagCodes(s *Schema) []string {
	var out []string
	for _, d := range s.Diagnostics {
		out = append(out, d.Code)
	}
	return out
}

func mustType(t *testing.T, s *Schema, name string) *Type {
	t.Helper()
	ty := s.Lookup(name)
	require.NotNil(t, ty, "type %s", name)
	return ty
}

var entityPage = page{title: "entity", annotation: `"keyProperty": "id", "@odata.type": "microsoft.graph.entity"`, rows: []string{"id|String|Key. Read-only."}}

func TestTwoLevelInheritanceAndOwnProperties(t *testing.T) {
	s := resolve(t, entityPage,
		page{title: "item", inherits: "entity", rows: []string{"id|String|Inherited from [entity](entity.md)", "name|String|x"}},
		page{title: "book", inherits: "item", rows: []string{"id|String|Inherited from [entity](entity.md)", "name|String|x", "pages|Int32|x"}},
	)
	book := mustType(t, s, "microsoft.graph.book")
	item := mustType(t, s, "microsoft.graph.item")
	entity := mustType(t, s, "microsoft.graph.entity")
	assert.Equal(t, "microsoft.graph.item", *book.Base)
	assert.Same(t, item, book.BaseType)
	assert.Same(t, entity, item.BaseType)
	// Rows a base declares belong to the base, marked inherited or not.
	assert.Equal(t, []string{"pages"}, names(book.Properties))
	assert.Equal(t, []string{"name"}, names(item.Properties))
	assert.Equal(t, []string{"id"}, names(entity.Properties))
	assert.False(t, entity.Properties[0].Nullable, "the key is not nullable")
	for _, ty := range []*Type{book, item, entity} {
		assert.Equal(t, Entity, ty.Kind, ty.Name)
	}
	assert.Equal(t, []*Type{item}, entity.Derived)
}

func TestImplicitEntity(t *testing.T) {
	// Most entity pages never say they inherit from entity: they have an id key.
	s := resolve(t, entityPage,
		page{title: "member", annotation: `"keyProperty": "id", "@odata.type": "microsoft.graph.member"`, rows: []string{"id|String|x", "name|String|x"}},
		page{title: "address", rows: []string{"city|String|x"}},
	)
	m := mustType(t, s, "microsoft.graph.member")
	assert.Equal(t, Entity, m.Kind)
	require.NotNil(t, m.Base)
	assert.Equal(t, "microsoft.graph.entity", *m.Base)
	assert.Equal(t, []string{"name"}, names(m.Properties))
	a := mustType(t, s, "microsoft.graph.address")
	assert.Equal(t, Complex, a.Kind)
	assert.Nil(t, a.Base)
}

func TestNavigationTargetsAreEntities(t *testing.T) {
	s := resolve(t, entityPage,
		page{title: "shelf", annotation: `"keyProperty": "id", "@odata.type": "microsoft.graph.shelf"`, rows: []string{"id|String|x"}, rels: []string{"items|[thing](thing.md) collection|x"}},
		page{title: "thing", rows: []string{"id|String|x", "label|String|x"}},
	)
	thing := mustType(t, s, "microsoft.graph.thing")
	assert.Equal(t, Entity, thing.Kind)
	assert.Equal(t, "microsoft.graph.entity", *thing.Base)
	assert.Equal(t, []string{"label"}, names(thing.Properties))
	items := mustType(t, s, "microsoft.graph.shelf").Properties[0]
	assert.True(t, items.Navigation)
	assert.True(t, items.Collection)
	assert.Same(t, thing, items.Ref)
}

func TestBaseConflictAnnotationWins(t *testing.T) {
	s := resolve(t, page{title: "a", rows: []string{"x|String|x"}}, page{title: "b", rows: []string{"y|String|x"}},
		page{title: "c", inherits: "a", annotation: `"baseType": "microsoft.graph.b", "@odata.type": "microsoft.graph.c"`, rows: []string{"z|String|x"}})
	c := mustType(t, s, "microsoft.graph.c")
	assert.Equal(t, "microsoft.graph.b", *c.Base)
	assert.Contains(t, diagCodes(s), diag.BaseConflict.Name())
}

func TestInheritsLineRefinesAnAnnotatedEntityBase(t *testing.T) {
	s := resolve(t, entityPage,
		page{title: "directoryObject", annotation: `"keyProperty": "id", "baseType": "microsoft.graph.entity", "@odata.type": "microsoft.graph.directoryObject"`, rows: []string{"id|String|x"}},
		page{title: "orgContact", inherits: "directoryObject", annotation: `"keyProperty": "id", "baseType": "microsoft.graph.entity", "@odata.type": "microsoft.graph.orgContact"`, rows: []string{"mail|String|x"}})
	assert.Equal(t, "microsoft.graph.directoryObject", *mustType(t, s, "microsoft.graph.orgContact").Base,
		"the template's entity and the prose's directoryObject both hold")
	assert.Contains(t, diagCodes(s), diag.BaseConflict.Name())
}

func TestUnknownBaseAndTypes(t *testing.T) {
	s := resolve(t, page{title: "c", inherits: "missing", rows: []string{"z|[nowhere](nowhere.md)|x", "w|Ωmega|x"}})
	c := mustType(t, s, "microsoft.graph.c")
	require.NotNil(t, c.Base)
	assert.Equal(t, "microsoft.graph.missing", *c.Base)
	assert.Nil(t, c.BaseType)
	assert.Equal(t, "microsoft.graph.nowhere", c.Properties[0].Type)
	assert.Nil(t, c.Properties[0].Ref)
	assert.Equal(t, jsonTypeName, c.Properties[1].Type)
	assert.ElementsMatch(t, []string{diag.UnknownBase.Name(), diag.UnknownType.Name(), diag.UnknownTypeWord.Name()}, diagCodes(s))
}

func TestInheritanceCycles(t *testing.T) {
	s := resolve(t,
		page{title: "a", inherits: "b", rows: []string{"x|String|x"}},
		page{title: "b", inherits: "a", rows: []string{"y|String|x"}},
		page{title: "self", inherits: "self", rows: []string{"z|String|x"}},
	)
	a, b := mustType(t, s, "microsoft.graph.a"), mustType(t, s, "microsoft.graph.b")
	// The cycle is broken at the greatest name, whatever order pages come in.
	assert.Same(t, b, a.BaseType)
	assert.Nil(t, b.BaseType)
	assert.Nil(t, mustType(t, s, "microsoft.graph.self").BaseType)
	assert.Contains(t, diagCodes(s), diag.InheritanceCycle.Name())
	assert.Contains(t, diagCodes(s), diag.SelfBase.Name())

	// A base an annotation states outlasts one an Inherits line gives,
	// whatever the names: the cycle costs the weaker sign.
	s = resolve(t,
		page{title: "zleaf", annotation: `"@odata.type": "microsoft.graph.zleaf", "baseType": "microsoft.graph.abase"`, rows: []string{"x|String|x"}},
		page{title: "abase", inherits: "zleaf", rows: []string{"y|String|x"}},
	)
	zleaf, abase := mustType(t, s, "microsoft.graph.zleaf"), mustType(t, s, "microsoft.graph.abase")
	assert.Same(t, abase, zleaf.BaseType, "the annotated base stays")
	assert.Nil(t, abase.BaseType, "the Inherits line's base goes")
	assert.Contains(t, diagCodes(s), diag.InheritanceCycle.Name())
}

func TestDuplicateDefinitionsMerge(t *testing.T) {
	// user.md and intune-shared-user.md both describe microsoft.graph.user.
	s := resolve(t,
		page{path: "intune-shared-user.md", title: "user", annotation: `"@odata.type": "microsoft.graph.user"`, rows: []string{"deviceEnrollmentLimit|Int32|x", "displayName|Int32|x"}},
		page{path: "user.md", title: "user", annotation: `"@odata.type": "microsoft.graph.user"`, rows: []string{"displayName|String|x", "mail|String|x"}},
	)
	u := mustType(t, s, "microsoft.graph.user")
	assert.Equal(t, "user.md:1", u.Source, "the page named after the type is primary")
	assert.Equal(t, []string{"displayName", "mail", "deviceEnrollmentLimit"}, names(u.Properties))
	assert.Equal(t, "Edm.String", u.Properties[0].Type)
	var conflict string
	for _, d := range s.Diagnostics {
		if d.Code == diag.DuplicateType.Name() {
			conflict = d.String()
		}
	}
	assert.Contains(t, conflict, "intune-shared-user.md:")
	assert.Contains(t, conflict, "user.md:")
}

func TestLinkTargetDecidesOverLinkText(t *testing.T) {
	s := resolve(t,
		page{title: "identitySet", path: "identityset.md", rows: []string{"user|String|x"}},
		page{title: "thing", rows: []string{"by|[IdentitySet](identityset.md)|x", "viaName|identityset|x"}},
	)
	th := mustType(t, s, "microsoft.graph.thing")
	assert.Equal(t, "microsoft.graph.identitySet", th.Properties[0].Type)
	assert.Equal(t, "microsoft.graph.identitySet", th.Properties[1].Type, "names match ignoring case")
}

func TestNamespacesAndShortNameLookup(t *testing.T) {
	s := resolve(t,
		page{title: "endpoint", ns: "microsoft.graph.callRecords", rows: []string{"a|String|x"}},
		page{title: "endpoint", path: "graph-endpoint.md", rows: []string{"b|String|x"}},
		page{title: "session", ns: "microsoft.graph.callRecords", rows: []string{"caller|endpoint|x", "other|microsoft.graph.endpoint|x"}},
	)
	sess := mustType(t, s, "microsoft.graph.callRecords.session")
	assert.Equal(t, "microsoft.graph.callRecords.endpoint", sess.Properties[0].Type, "short names resolve in the page's namespace first")
	assert.Equal(t, "microsoft.graph.endpoint", sess.Properties[1].Type)
	assert.Equal(t, "CallRecordsEndpoint", mustType(t, s, "microsoft.graph.callRecords.endpoint").GoName)
	assert.Equal(t, "Endpoint", mustType(t, s, "microsoft.graph.endpoint").GoName)
}

func TestInheritedRowMissingOnBaseMovesThere(t *testing.T) {
	s := resolve(t,
		page{title: "base", rows: []string{"a|String|x"}},
		page{title: "derived", inherits: "base", rows: []string{"b|String|Inherited from [base](base.md)", "c|Int32|x"}},
	)
	assert.Equal(t, []string{"a", "b"}, names(mustType(t, s, "microsoft.graph.base").Properties))
	assert.Equal(t, []string{"c"}, names(mustType(t, s, "microsoft.graph.derived").Properties))
	assert.Contains(t, diagCodes(s), diag.InheritedNotOnBase.Name())
}

func TestEnumMembersRecoveredFromPossibleValues(t *testing.T) {
	s := resolveRaw(t, map[string]string{
		"kind.md":  "---\ndoc_type: enumPageType\n---\n# тип перечисления kind\n\n## Элементы\n|Элемент|Значение|Описание|\n|:--|:--|:--|\n|стеллаж|0|x|\n|витрина|1|x|\n",
		"shelf.md": "# shelf resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|kind|[kind](kind.md)|Возможные значения: `rack`, `display`.|\n",
	})
	k := mustType(t, s, "microsoft.graph.kind")
	assert.Equal(t, Enum, k.Kind)
	require.Len(t, k.Members, 2)
	assert.Equal(t, "rack", k.Members[0].Name)
	assert.Equal(t, int64(1), *k.Members[1].Value)
	assert.Equal(t, "KindDisplay", k.Members[1].GoName)
}

func TestEnumDuplicatesMergeMembers(t *testing.T) {
	s := resolveRaw(t, map[string]string{
		"enums.md":  "Namespace: microsoft.graph\n\n### reason values\n\n|Member|\n|:--|\n|a|\n|b|\n",
		"reason.md": "---\ndoc_type: enumPageType\n---\n# reason enum type\n\n## Members\n|Member|Value|Description|\n|:--|:--|:--|\n|a|0|x|\n|b|1|x|\n|c|2|x|\n",
	})
	r := mustType(t, s, "microsoft.graph.reason")
	var ms []string
	for _, m := range r.Members {
		ms = append(ms, m.Name)
	}
	assert.Equal(t, []string{"a", "b", "c"}, ms)
	assert.Equal(t, "reason.md:4", r.Source)
}

func TestResolveIsOrderIndependent(t *testing.T) {
	pages := []page{entityPage,
		page{title: "a", inherits: "b", rows: []string{"x|String|x"}},
		page{title: "b", inherits: "a", rows: []string{"y|String|x"}},
		page{title: "item", inherits: "entity", rows: []string{"n|String|x"}},
		page{title: "item", path: "other-item.md", rows: []string{"n|Int32|x", "m|String|x"}},
	}
	forward := resolve(t, pages...)
	reversed := make([]page, len(pages))
	for i, p := range pages {
		reversed[len(pages)-1-i] = p
	}
	backward := resolve(t, reversed...)
	f, err := forward.JSON()
	require.NoError(t, err)
	b, err := backward.JSON()
	require.NoError(t, err)
	assert.Equal(t, string(f), string(b))
}

func TestSchemaJSONFormat(t *testing.T) {
	s := resolve(t, entityPage, page{title: "empty", rows: []string{"x|Stream|x"}})
	data, err := s.JSON()
	require.NoError(t, err)
	var doc struct {
		Version int `json:"version"`
		Types   []map[string]any
		Diags   []any `json:"diagnostics"`
		Ops     []any `json:"operations"`
		Entries []any `json:"entryPoints"`
	}
	require.NoError(t, json.Unmarshal(data, &doc))
	assert.Equal(t, 3, doc.Version)
	assert.NotNil(t, doc.Ops, "operations is always an array")
	assert.NotNil(t, doc.Entries, "entryPoints is always an array")
	require.Len(t, doc.Types, 2)
	e := doc.Types[0]
	assert.Equal(t, "microsoft.graph.empty", e["name"])
	assert.Nil(t, e["base"])
	assert.Equal(t, []any{}, e["members"], "members is always an array")
	props := e["properties"].([]any)
	p := props[0].(map[string]any)
	for _, k := range []string{"name", "type", "collection", "navigation", "nullable", "goName", "description", "source"} {
		assert.Contains(t, p, k)
	}
	assert.Equal(t, "empty.md:8", p["source"], "version 2: every property has its row's position")
	assert.Equal(t, "Edm.Stream", p["type"])
	assert.Equal(t, "empty.md:1", e["source"])
	assert.NotNil(t, doc.Diags, "diagnostics is always an array")
}

func TestGoNamesAvoidCollisions(t *testing.T) {
	s := resolve(t,
		page{title: "base", rows: []string{"fooBar|String|x", "odataType|String|x"}},
		page{title: "derived", inherits: "base", rows: []string{"FooBar|String|x", "base|String|x", "String|String|x", "clone|String|x", "values|String|x"}},
		page{title: "date", rows: []string{"d|String|x"}},
	)
	base := mustType(t, s, "microsoft.graph.base")
	assert.Equal(t, []string{"FooBar", "OdataType"}, goNames(base.Properties))
	derived := mustType(t, s, "microsoft.graph.derived")
	// Not the inherited FooBar, not the embedded Base, not a struct's
	// method (Clone); an enum's methods (String, Values) are free: a
	// suffix only where there is a collision.
	assert.Equal(t, []string{"FooBar2", "Base2", "String", "Clone2", "Values"}, goNames(derived.Properties))
	assert.Equal(t, "Date2", mustType(t, s, "microsoft.graph.date").GoName, "Date is a support type")
}

func goNames(props []*Property) []string {
	var out []string
	for _, p := range props {
		out = append(out, p.GoName)
	}
	return out
}

func TestBaseFromDerivedList(t *testing.T) {
	s := resolveRaw(t, map[string]string{
		"meetinginfo.md":          "# meetingInfo resource type\n\n## Derived types\n\n| Type | Description |\n|:--|:--|\n| [organizerMeetingInfo](organizermeetinginfo.md) | x |\n| [tokenMeetingInfo](tokenmeetinginfo.md) | x |\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|a|String|x|\n",
		"organizermeetinginfo.md": "# organizerMeetingInfo resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|organizer|String|x|\n",
		"tokenmeetinginfo.md":     "# tokenMeetingInfo resource type\n\nInherits from [other](other.md).\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|token|String|x|\n",
		"other.md":                "# other resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|b|String|x|\n",
	})
	assert.Equal(t, "microsoft.graph.meetingInfo", *mustType(t, s, "microsoft.graph.organizerMeetingInfo").Base)
	assert.Equal(t, "microsoft.graph.other", *mustType(t, s, "microsoft.graph.tokenMeetingInfo").Base, "the type's own page wins")
}

func TestEnumsAndMembersFromPossibleValues(t *testing.T) {
	s := resolveRaw(t, map[string]string{
		"call.md":   "# call resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|state|[callState](callstate.md)|Possible values are: `incoming`, `established`.|\n|severity|[alertSeverity](alertseverity.md)|Possible values are: `low`, `high`, `unknownFutureValue`.|\n",
		"sev.md":    "---\ndoc_type: enumPageType\n---\n# alertSeverity enum type\n\n## Members\n|Member|Value|Description|\n|:--|:--|:--|\n|low|0|x|\n|high|1|x|\n",
		"unused.md": "",
	})
	cs := mustType(t, s, "microsoft.graph.callState")
	assert.Equal(t, Enum, cs.Kind)
	assert.Equal(t, []string{"incoming", "established"}, memberNames(cs))
	assert.Equal(t, "microsoft.graph.callState", mustType(t, s, "microsoft.graph.call").Properties[0].Type)
	assert.Equal(t, []string{"low", "high", "unknownFutureValue"}, memberNames(mustType(t, s, "microsoft.graph.alertSeverity")))
	assert.Contains(t, diagCodes(s), diag.EnumFromValues.Name())
	assert.Contains(t, diagCodes(s), diag.MemberFromValues.Name())
}

func memberNames(t *Type) []string {
	var out []string
	for _, m := range t.Members {
		out = append(out, m.Name)
	}
	return out
}

func TestSubsetClosure(t *testing.T) {
	s := resolve(t, entityPage,
		page{title: "item", inherits: "entity", rows: []string{"name|String|x", "addr|[address](address.md)|x", "kind|[kind](kind.md)|x"}, rels: []string{"owner|[user](user.md)|x"}},
		page{title: "book", inherits: "item", rows: []string{"pages|Int32|x"}},
		page{title: "address", rows: []string{"city|String|x", "geo|[geo](geo.md)|x"}},
		page{title: "geo", rows: []string{"lat|Double|x"}},
		page{title: "user", annotation: `"keyProperty": "id", "@odata.type": "microsoft.graph.user"`, rows: []string{"id|String|x", "mail|String|x"}},
	)
	sub, err := s.Subset([]string{"microsoft.graph.it*"})
	require.NoError(t, err)
	var got []string
	for _, ty := range sub.Types {
		got = append(got, ty.Name)
	}
	// The base, the structural property types transitively; not the
	// navigation target (user) nor the derived type (book).
	assert.Equal(t, []string{"microsoft.graph.address", "microsoft.graph.entity", "microsoft.graph.geo", "microsoft.graph.item"}, got)
	item := sub.Lookup("microsoft.graph.item")
	assert.Same(t, sub.Lookup("microsoft.graph.entity"), item.BaseType)
	assert.Nil(t, item.Properties[3].Ref, "a navigation target outside the subset renders as raw JSON")
	assert.Equal(t, "microsoft.graph.kind", item.Properties[2].Type)
	assert.NotNil(t, s.Lookup("microsoft.graph.item").Properties[3].Ref, "the full schema is untouched")
	assert.Equal(t, s.Lookup("microsoft.graph.item").GoName, item.GoName)

	_, err = s.Subset([]string{"microsoft.graph.nothing*"})
	assert.ErrorContains(t, err, "matches no type")
	_, err = s.Subset([]string{"[bad"})
	assert.Error(t, err)
}

func TestFlagsEnums(t *testing.T) {
	enum := func(name, desc string, values ...int) string {
		md := "---\ndoc_type: enumPageType\n---\n# " + name + " enum type\n\n" + desc + "\n\n## Members\n|Member|Value|Description|\n|:--|:--|:--|\n"
		for i, v := range values {
			md += fmt.Sprintf("|m%d|%d|x|\n", i, v)
		}
		return md
	}
	s := resolveRaw(t, map[string]string{
		"a.md": enum("byValues", "Kinds.", 0, 1, 2, 4, 8),
		"b.md": enum("byProse", "A flag enum.", 0, 1),
		"c.md": enum("plain", "Kinds.", 0, 1, 2, 3),
		"d.md": enum("small", "Kinds.", 0, 1, 2),
	})
	assert.True(t, mustType(t, s, "microsoft.graph.byValues").Flags)
	assert.True(t, mustType(t, s, "microsoft.graph.byProse").Flags)
	assert.False(t, mustType(t, s, "microsoft.graph.plain").Flags)
	assert.False(t, mustType(t, s, "microsoft.graph.small").Flags)
}

func TestKeyedTypeUsedOnlyStructurallyIsComplex(t *testing.T) {
	s := resolve(t, entityPage,
		page{title: "settings", annotation: `"keyProperty": "id", "@odata.type": "microsoft.graph.settings"`, rows: []string{"id|String|x", "enabled|Boolean|x"}},
		page{title: "app", annotation: `"keyProperty": "id", "@odata.type": "microsoft.graph.app"`, rows: []string{"id|String|x", "web|[settings](settings.md)|x"}},
		page{title: "owner", annotation: `"keyProperty": "id", "@odata.type": "microsoft.graph.owner"`, rows: []string{"id|String|x"}},
		page{title: "team", annotation: `"keyProperty": "id", "@odata.type": "microsoft.graph.team"`, rows: []string{"id|String|x", "lead|[owner](owner.md)|x"}, rels: []string{"owners|[owner](owner.md) collection|x"}},
	)
	st := mustType(t, s, "microsoft.graph.settings")
	assert.Equal(t, Complex, st.Kind, "only ever a structural property's type")
	assert.Nil(t, st.Base)
	assert.Equal(t, []string{"id", "enabled"}, names(st.Properties))
	assert.Equal(t, Entity, mustType(t, s, "microsoft.graph.owner").Kind, "also a navigation target")
	assert.Equal(t, Entity, mustType(t, s, "microsoft.graph.app").Kind)
}

func TestKeyedTypeDerivedFromAStructuralTypeIsComplex(t *testing.T) {
	s := resolve(t, entityPage,
		page{title: "userSet", rows: []string{"isBackup|Boolean|x"}},
		page{title: "singleUser", inherits: "userSet", json: `{"id": "String (identifier)", "isBackup": true}`, rows: []string{"id|String|x", "isBackup|Boolean|x"}},
		page{title: "policy", annotation: `"keyProperty": "id", "@odata.type": "microsoft.graph.policy"`, rows: []string{"id|String|x", "approvers|[userSet](userset.md) collection|x"}},
	)
	su := mustType(t, s, "microsoft.graph.singleUser")
	assert.Equal(t, Complex, su.Kind, "its base is only ever a structural property's type")
	assert.Equal(t, "microsoft.graph.userSet", *su.Base)
	assert.Equal(t, Complex, mustType(t, s, "microsoft.graph.userSet").Kind)
	assert.Equal(t, []string{"id"}, names(su.Properties), "id stays its own property")
}

func TestTranslatedMembersAlignedOnAnchors(t *testing.T) {
	// The list leaves out unknownFutureValue; active and done stayed names.
	s := resolveRaw(t, map[string]string{
		"state.md": "---\ndoc_type: enumPageType\n---\n# тип enum state\n\n## Элементы\n|Элемент|Значение|Описание|\n|:--|:--|:--|\n" +
			"|Нет|0|x|\n|ожидание|1|x|\n|active|2|x|\n|done|3|x|\n|не удалось|4|x|\n|unknownFutureValue|5|x|\n",
		"job.md": "# job resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|state|[state](state.md)|Возможные значения: `none`, `pending`, `active`, `done`, `failed`.|\n",
	})
	got := memberNames(mustType(t, s, "microsoft.graph.state"))
	assert.Equal(t, []string{"none", "pending", "active", "done", "failed", "unknownFutureValue"}, got,
		"gaps of equal length are filled; a name the list leaves out is no part of a gap")
	// A gap of different lengths cannot be paired: the list's names take
	// the place of its first translated member, and what is translated is
	// left out (its wire value would be wrong).
	s = resolveRaw(t, map[string]string{
		"state.md": "---\ndoc_type: enumPageType\n---\n# тип enum state\n\n## Элементы\n|Элемент|Значение|Описание|\n|:--|:--|:--|\n|Нет|0|x|\n|done|1|x|\n|не удалось|2|x|\n|Пропущен|3|x|\n",
		"job.md":   "# job resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|state|[state](state.md)|Возможные значения: `none`, `done`, `failed`.|\n",
	})
	assert.Equal(t, []string{"none", "done", "failed"}, memberNames(mustType(t, s, "microsoft.graph.state")))
	assert.Contains(t, diagCodes(s), diag.TranslatedMember.Name())
	assert.Equal(t, map[string]int{"named": 1, "added": 1, "leftOut": 2}, s.Learned.TranslatedMembers)
}

func TestMisspelledMemberStillAnchors(t *testing.T) {
	s := resolveRaw(t, map[string]string{
		"enums.md": "Namespace: microsoft.graph\n\n### source values\n\n|Member|\n|:---|\n|user|\n|Администратора|\n|unknownFutureValue|\n",
		"sub.md":   "# sub resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|source|[source](enums.md#source-values)|Возможные значения: `administrator`и  `user` `unkownFutureValue`.|\n",
	})
	got := memberNames(mustType(t, s, "microsoft.graph.source"))
	require.GreaterOrEqual(t, len(got), 3)
	assert.Equal(t, []string{"administrator", "user", "unknownFutureValue"}, got[:3],
		"the misspelled sentinel anchors: the list's order, not the page's, places administrator, and the translation is left out")
	assert.Equal(t, 1, editDistance("unknownFutureValue", "unkownFutureValue"))
}

func TestPrimitiveLinkTextWinsOverItsPage(t *testing.T) {
	s := resolve(t, page{title: "timeStamp", rows: []string{"date|Date|x"}},
		page{title: "version", rows: []string{"lastModifiedDateTime|[DateTimeOffset](timestamp.md)|x", "stamp|[timeStamp](timestamp.md)|x"}})
	v := mustType(t, s, "microsoft.graph.version")
	assert.Equal(t, "Edm.DateTimeOffset", v.Properties[0].Type)
	assert.Equal(t, "microsoft.graph.timeStamp", v.Properties[1].Type)
}

// TestAddingAPageRenamesNothing: collision suffixes depend on the names
// alone, not on page or row order, so adding a colliding page or row keeps
// every existing Go name.
func TestAddingAPageRenamesNothing(t *testing.T) {
	before := resolve(t,
		page{title: "callRecordsEndpoint", path: "callrecordsendpoint.md", rows: []string{"queryString|String|x", "label|String|x"}},
	)
	after := resolve(t,
		page{title: "callRecordsEndpoint", path: "callrecordsendpoint.md", rows: []string{"query_string|String|x", "queryString|String|x", "label|String|x"}},
		// microsoft.graph.callRecords.endpoint sorts before
		// microsoft.graph.callRecordsEndpoint, and its page comes first:
		// still it does not take CallRecordsEndpoint.
		page{title: "endpoint", path: "a-endpoint.md", ns: "microsoft.graph.callRecords", rows: []string{"x|String|x"}},
	)
	b, a := mustType(t, before, "microsoft.graph.callRecordsEndpoint"), mustType(t, after, "microsoft.graph.callRecordsEndpoint")
	assert.Equal(t, "CallRecordsEndpoint", b.GoName)
	assert.Equal(t, b.GoName, a.GoName, "the type keeps its name")
	assert.Equal(t, b.FileName, a.FileName)
	assert.Equal(t, "CallRecordsEndpoint2", mustType(t, after, "microsoft.graph.callRecords.endpoint").GoName)
	assert.Equal(t, []string{"QueryString", "Label"}, goNames(b.Properties))
	assert.Equal(t, []string{"QueryString2", "QueryString", "Label"}, goNames(a.Properties), "the row above takes the suffix")
}

// TestTranslatedEnumTakesTheCaseOfItsLinks: a translation capitalizes the
// enum's title and some of its members; the links to the page and the
// members still in lower case say how the service spells them. An English
// page written the same way keeps what it says.
func TestTranslatedEnumTakesTheCaseOfItsLinks(t *testing.T) {
	enumPage := func(locale string) string {
		return "---\nms.contentlocale: " + locale + "\n---\n" +
			"# <a name=\"devicetype-enum-type\"></a>DeviceType-Enumerationstyp\n\n" +
			"## <a name=\"members\"></a>Elemente\n|Element|Wert|Beschreibung|\n|:---|:---|:---|\n" +
			"|Desktop|0|x|\n|windowsRT|1|x|\n|winMO6|2|x|\n|iPhone|3|x|\n|iPad|4|x|\n|Android|5|x|\n|USB|6|x|\n"
	}
	files := func(locale string) map[string]string {
		f := map[string]string{"devicetype.md": enumPage(locale)}
		for _, owner := range []string{"phone", "tablet", "laptop"} {
			f[owner+".md"] = page{title: owner, rows: []string{"kind|[deviceType](devicetype.md)|x"}}.markdown()
		}
		return f
	}

	s := resolveRaw(t, files("de-DE"))
	require.Nil(t, s.Lookup("microsoft.graph.DeviceType"), "the title's capital is a translation's")
	dt := mustType(t, s, "microsoft.graph.deviceType")
	assert.Equal(t, []string{"desktop", "windowsRT", "winMO6", "iPhone", "iPad", "android", "USB"}, memberNames(dt),
		"capitalized members are lowered, a name in capitals throughout stays")
	assert.Equal(t, "microsoft.graph.deviceType", s.Learned.NameCases["microsoft.graph.DeviceType"])
	assert.Contains(t, diagCodes(s), diag.MemberCase.Name())
	assert.Equal(t, "microsoft.graph.deviceType", mustType(t, s, "microsoft.graph.phone").Properties[0].Type)

	// Links that capitalize a lower-case title are prose.
	capitalLinks := files("de-DE")
	capitalLinks["devicetype.md"] = strings.Replace(capitalLinks["devicetype.md"], ">DeviceType-", ">deviceType-", 1)
	for _, owner := range []string{"phone", "tablet", "laptop"} {
		capitalLinks[owner+".md"] = strings.Replace(capitalLinks[owner+".md"], "[deviceType]", "[DeviceType]", 1)
	}
	s = resolveRaw(t, capitalLinks)
	mustType(t, s, "microsoft.graph.deviceType")
	assert.Nil(t, s.Lookup("microsoft.graph.DeviceType"))

	// One link is enough where it differs from the title in the first
	// letter alone (TeamSpecialization Enum-Typ, [teamSpecialization]).
	oneLink := files("de-DE")
	delete(oneLink, "tablet.md")
	delete(oneLink, "laptop.md")
	s = resolveRaw(t, oneLink)
	mustType(t, s, "microsoft.graph.deviceType")
	oneLink["phone.md"] = strings.Replace(oneLink["phone.md"], "[deviceType]", "[devicetype]", 1)
	s = resolveRaw(t, oneLink)
	mustType(t, s, "microsoft.graph.DeviceType") // the link lost the inner capital: no sign

	s = resolveRaw(t, files("en-US"))
	dt = mustType(t, s, "microsoft.graph.DeviceType")
	assert.Equal(t, "microsoft.graph.DeviceType", dt.Name, "an English title says what it means")
	assert.Contains(t, memberNames(dt), "Android")
	assert.NotContains(t, diagCodes(s), diag.MemberCase.Name())
}

// Where an enum's members begin in lower case only in part (none,
// unknownFutureValue beside PremiumP1, PremiumP2), the folder's English
// members decide: mostly in lower case, the capitals are a translation's.
// An enum whose members all begin in upper case is written so.
func TestTranslatedCapitalsLoweredWhereTheFolderIsLowerCase(t *testing.T) {
	enumPage := func(name, locale string, members ...string) string {
		var b strings.Builder
		b.WriteString("---\nms.contentlocale: " + locale + "\ndoc_type: enumPageType\n---\n# <a name=\"" + strings.ToLower(name) + "-enum-type\"></a>" + name + " qa\n\n" +
			"## <a name=\"members\"></a>Qe\n|Zi|Zo|Zu|\n|:---|:---|:---|\n")
		for i, m := range members {
			fmt.Fprintf(&b, "|%s|%d|x|\n", m, i)
		}
		return b.String()
	}
	files := map[string]string{
		"color.md":   enumPage("color", "en-US", "red", "green", "blue", "unknownFutureValue"),
		"size.md":    enumPage("size", "en-US", "small", "large"),
		"license.md": enumPage("license", "xx-XX", "none", "PremiumP1", "PremiumP2", "unknownFutureValue"),
		"kind.md":    enumPage("kind", "xx-XX", "Call", "Chat", "Email"),
	}
	s := resolveRaw(t, files)
	assert.Equal(t, []string{"none", "premiumP1", "premiumP2", "unknownFutureValue"}, memberNames(mustType(t, s, "microsoft.graph.license")))
	assert.Equal(t, []string{"Call", "Chat", "Email"}, memberNames(mustType(t, s, "microsoft.graph.kind")), "all in upper case: written so")

	// A folder whose members begin in upper case as often: no sign.
	files["color.md"] = enumPage("color", "en-US", "Red", "Green", "Blue", "unknownFutureValue")
	s = resolveRaw(t, files)
	assert.Equal(t, []string{"none", "PremiumP1", "PremiumP2", "unknownFutureValue"}, memberNames(mustType(t, s, "microsoft.graph.license")))
}

// A section known by its anchor alone ("x-values" under a heading whose
// words do not show the name) is the enum x when its first table has a
// column of names, whether or not a row uses it; it takes the case of
// the rows that use it. A section without such a table is no enum.
func TestAnchorOnlyValuesSection(t *testing.T) {
	enums := "---\nms.contentlocale: xx-XX\ndoc_type: enumPageType\n---\n# <a name=\"enum-values\"></a>Qa lo\n\nNamespace: microsoft.graph\n\n" +
		"### <a name=\"alertseverity-values\"></a>qo Alertseveriti\n\n|Zu|\n|:---|\n|low|\n|high|\n\n" +
		"### <a name=\"tlplevel-values\"></a>qo vi\n\n|Zu|\n|:---|\n|white|\n|green|\n\n" +
		"### <a name=\"allowed-values\"></a>qo ve\n\nQe zo ve.\n"
	alert := page{title: "alert", rows: []string{"severity|alertSeverity|x"}}.markdown()
	s := resolveRaw(t, map[string]string{"enums.md": enums, "alert.md": alert})
	sev := mustType(t, s, "microsoft.graph.alertSeverity")
	assert.Equal(t, Enum, sev.Kind)
	assert.Equal(t, []string{"low", "high"}, memberNames(sev), "the first table of names under the anchor is the members table")
	assert.Equal(t, "microsoft.graph.alertSeverity", s.Learned.NameCases["microsoft.graph.alertseverity"])
	tlp := mustType(t, s, "microsoft.graph.tlplevel")
	assert.Equal(t, []string{"white", "green"}, memberNames(tlp), "no row uses it: still an enum, in the anchor's case")
	assert.Nil(t, s.Lookup("microsoft.graph.allowed"), "no table: no enum")
}

// Two definitions of one enum, the second a copy in its own words: the
// members that differ in their place are the same members.
func TestEnumCopyWrittenOtherwiseAddsNoMembers(t *testing.T) {
	s := resolveRaw(t, map[string]string{
		"enums.md": "Namespace: microsoft.graph\n\n### reason values\n\n|Member|\n|:--|\n|unknown|\n|Autorisierungs|\n|badRequest|\n|Modal|\n|inMaintenance|\n|extra|\n",
		"reason.md": "---\ndoc_type: enumPageType\n---\n# reason enum type\n\n## Members\n|Member|Value|Description|\n|:--|:--|:--|\n" +
			"|unknown|0|x|\n|Autorisierung|1|x|\n|badRequest|2|x|\n|modal|3|x|\n|inMaintenance|4|x|\n",
	})
	assert.Equal(t, []string{"unknown", "Autorisierung", "badRequest", "modal", "inMaintenance", "extra"}, memberNames(mustType(t, s, "microsoft.graph.reason")),
		"a copy adds only the members past the end of the primary list")
}

// A translated collection phrase is learned from the rows whose JSON
// example is an array, and makes the rows without an example collections.
func TestCollectionPhraseLearnedFromJSONArrays(t *testing.T) {
	files := map[string]string{}
	for _, owner := range []string{"a", "b", "c"} {
		files[owner+".md"] = "# " + owner + " resource type\n\n## <a name=\"properties\"></a>Qa\n|Zi|Zo|Zu|\n|:--|:--|:--|\n" +
			"|items|Vek de [item](item.md)|x|\n|one|[item](item.md)|x|\n\n" +
			"## <a name=\"json-representation\"></a>Jo\n```json\n{\"items\": [{\"@odata.type\": \"microsoft.graph.item\"}], \"one\": {\"@odata.type\": \"microsoft.graph.item\"}}\n```\n"
	}
	files["d.md"] = "# d resource type\n\n## <a name=\"relationships\"></a>Qo\n|Zi|Zo|Zu|\n|:--|:--|:--|\n|things|Vek de [item](item.md)|x|\n|single|[item](item.md)|x|\n"
	files["item.md"] = page{title: "item", rows: []string{"id|String|x"}}.markdown()
	s := resolveRaw(t, files)
	d := mustType(t, s, "microsoft.graph.d")
	require.Len(t, d.Properties, 2)
	assert.True(t, d.Properties[0].Collection, "things: the phrase the arrays had")
	assert.False(t, d.Properties[1].Collection, "single: no phrase")
	assert.Equal(t, map[string]int{"vek de ...": 1}, s.Learned.CollectionPhrases, "counted where it changed a row")

	// A link whose text is in another script (transliterated: [айтем]) has
	// its phrase around the whole text.
	for name, md := range files {
		files[name] = strings.ReplaceAll(md, "[item](item.md)", "[айтем](item.md)")
	}
	s = resolveRaw(t, files)
	d = mustType(t, s, "microsoft.graph.d")
	require.Len(t, d.Properties, 2)
	assert.True(t, d.Properties[0].Collection, "things: the phrase around a link text in another script")
	assert.Equal(t, map[string]int{"vek de ...": 1}, s.Learned.CollectionPhrases)

	// The phrase inside a link that is the whole cell ([Vek de item]) is
	// the same phrase; so is the one around a primitive's word (Vek de
	// String). A link with words after it keeps its whole text as the
	// name ([item zo] vek): its own words are no phrase.
	for name, md := range files {
		md = strings.ReplaceAll(md, "Vek de [айтем](item.md)", "[Vek de item](item.md)")
		files[name] = strings.ReplaceAll(md, "[айтем](item.md)", "[item](item.md)")
	}
	files["d.md"] = strings.Replace(files["d.md"], "|single|", "|names|Vek de String|x|\n|single|", 1)
	files["e.md"] = "# e resource type\n\n## <a name=\"properties\"></a>Qa\n|Zi|Zo|Zu|\n|:--|:--|:--|\n|ids|Vek de String|x|\n|first|String|x|\n\n" +
		"## <a name=\"json-representation\"></a>Jo\n```json\n{\"ids\": [\"String\"], \"first\": \"String\"}\n```\n"
	s = resolveRaw(t, files)
	d = mustType(t, s, "microsoft.graph.d")
	require.Len(t, d.Properties, 3)
	assert.True(t, d.Properties[0].Collection, "things: the phrase inside the link")
	assert.True(t, d.Properties[1].Collection, "names: the phrase around a primitive's word")
	assert.Equal(t, "Edm.String", d.Properties[1].Type)
	assert.False(t, d.Properties[2].Collection, "single: no phrase")
	assert.Equal(t, map[string]int{"vek de ...": 2}, s.Learned.CollectionPhrases)
}

// A link's own words are no collection phrase when more text follows it
// ([item zo] vek): the phrase is what stands outside the link.
func TestCollectionPhraseOutsideALinkWithWords(t *testing.T) {
	assert.Equal(t, "... vek", collectionPhrase(parser.TypeExpr{Raw: "item zo vek", Name: "item", Link: "item.md", LinkText: "item zo"}))
	assert.Equal(t, "vek de ...", collectionPhrase(parser.TypeExpr{Raw: "Vek de item", Name: "item", Link: "item.md", LinkText: "Vek de item"}))
	assert.Equal(t, "", collectionPhrase(parser.TypeExpr{Raw: "item", Name: "item", Link: "item.md", LinkText: "item"}))
	assert.Equal(t, "vek de ...", collectionPhrase(parser.TypeExpr{Raw: "Vek de string", Primitive: "Edm.String"}))
	assert.Equal(t, "", collectionPhrase(parser.TypeExpr{Raw: "Edm.String", Primitive: "Edm.String"}))
	assert.Equal(t, "stringcollection of ...", collectionPhrase(parser.TypeExpr{Raw: "StringCollection of String", Primitive: "Edm.String"}), "the word, not the same letters inside another")
}

// A phrase before a link in prose is learned as a base phrase where it
// links a type the rows inherit from: the parent ("Zo ba [mid]") while
// most rows name the root that declares them ("Zu ni [root]").
func TestBasePhraseLearnedFromAnyAncestorTheRowsName(t *testing.T) {
	typePage := func(name, prose string, rows ...string) string {
		return "---\nms.contentlocale: xx-XX\n---\n# <a name=\"" + name + "-resource-type\"></a>" + name + " qa\n\n" + prose + "\n\n" +
			"## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n" + strings.Join(rows, "\n") + "\n"
	}
	files := map[string]string{
		"root.md": typePage("root", "Qe.", "|id|String|Qe.|", "|name|String|Qe.|"),
		"mid.md":  typePage("mid", "Zo ba [root](root.md)", "|id|String|Qe. Zu ni [root](root.md).|", "|name|String|Qe. Zu ni [root](root.md).|", "|m1|String|Qe.|"),
	}
	for _, leaf := range []string{"leafa", "leafb", "leafc"} {
		files[leaf+".md"] = typePage(leaf, "Zo ba [mid](mid.md)",
			"|id|String|Qe. Zu ni [root](root.md).|", "|name|String|Qe. Zu ni [root](root.md).|", "|m1|String|Qe. Zu ni [mid](mid.md).|", "|"+leaf+"Own|String|Qe.|")
	}
	s := resolveRaw(t, files)
	assert.Equal(t, 4, s.Learned.BasePhrases["zo ba"], "the parent counts as much as the root")
	for _, leaf := range []string{"leafa", "leafb", "leafc"} {
		l := mustType(t, s, "microsoft.graph."+leaf)
		require.NotNil(t, l.Base)
		assert.Equal(t, "microsoft.graph.mid", *l.Base)
		assert.Equal(t, []string{leaf + "Own"}, names(l.Properties), "the rows inherited from mid and root are theirs")
	}
}

// In a language that puts the verb last, the phrases follow the links
// ("[mid](mid.md) zo ba", rows "[root](root.md) zu ni"): they are learned
// from the same evidence, on that side of the link.
func TestBasePhraseAfterTheLinkLearned(t *testing.T) {
	typePage := func(name, prose string, rows ...string) string {
		return "---\nms.contentlocale: xx-XX\n---\n# <a name=\"" + name + "-resource-type\"></a>" + name + " qa\n\n" + prose + "\n\n" +
			"## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n" + strings.Join(rows, "\n") + "\n"
	}
	files := map[string]string{
		"root.md": typePage("root", "Qe.", "|id|String|Qe.|", "|name|String|Qe.|"),
		"mid.md":  typePage("mid", "Qo [root](root.md) zo ba.", "|id|String|Qe. [root](root.md) zu ni.|", "|name|String|Qe. [root](root.md) zu ni.|", "|m1|String|Qe.|"),
	}
	for _, leaf := range []string{"leafa", "leafb", "leafc"} {
		files[leaf+".md"] = typePage(leaf, "Qo [mid](mid.md) zo ba.",
			"|id|String|Qe. [root](root.md) zu ni.|", "|name|String|Qe. [root](root.md) zu ni.|", "|m1|String|Qe. [mid](mid.md) zu ni.|", "|"+leaf+"Own|String|Qe.|")
	}
	s := resolveRaw(t, files)
	require.NotNil(t, s.Learned)
	assert.Equal(t, 4, s.Learned.BasePhrases["... zo ba"], "after the link, pointing at two bases")
	assert.Positive(t, s.Learned.InheritedPhrases["... zu ni"])
	for _, leaf := range []string{"leafa", "leafb", "leafc"} {
		l := mustType(t, s, "microsoft.graph."+leaf)
		require.NotNil(t, l.Base)
		assert.Equal(t, "microsoft.graph.mid", *l.Base, "the prose, not the root the rows name")
		assert.Equal(t, []string{leaf + "Own"}, names(l.Properties), "the base's rows, repeated on the page, are not its own")
	}
}

// With no words for "inherits", the one type a page's prose links whose
// rows (three or more) the page repeats, and more, is its base; a page
// that lists the same rows and no more says nothing.
func TestBaseFromTheLinkedTypeWhoseRowsThePageRepeats(t *testing.T) {
	typePage := func(name, prose string, rows ...string) string {
		return "---\nms.contentlocale: xx-XX\n---\n# <a name=\"" + name + "-resource-type\"></a>" + name + " qa\n\n" + prose + "\n\n" +
			"## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n" + strings.Join(rows, "\n") + "\n"
	}
	base := []string{"|id|String|Qe.|", "|name|String|Qe.|", "|size|Int32|Qe.|"}
	s := resolveRaw(t, map[string]string{
		"attachment.md":     typePage("attachment", "Qo [fileAttachment](fileattachment.md) qo [twin](twin.md).", base...),
		"fileattachment.md": typePage("fileAttachment", "Ku ra [attachment](attachment.md).", append(base, "|contentBytes|Binary|Qe.|")...),
		"twin.md":           typePage("twin", "Ku ra [attachment](attachment.md).", base...),
	})
	fa := mustType(t, s, "microsoft.graph.fileAttachment")
	require.NotNil(t, fa.Base)
	assert.Equal(t, "microsoft.graph.attachment", *fa.Base)
	assert.Equal(t, []string{"contentBytes"}, names(fa.Properties))
	tw := mustType(t, s, "microsoft.graph.twin")
	assert.True(t, tw.Base == nil || *tw.Base != "microsoft.graph.attachment", "the same rows and no more: no sign of a base")
	at := mustType(t, s, "microsoft.graph.attachment")
	assert.True(t, at.Base == nil || *at.Base != "microsoft.graph.twin")
}

// A prose phrase seen before links to one base only is that base's
// pages' own wording ("Geerbt von der Entität [domainDnsRecord]" keeps
// "der entität"), not learned.
func TestBasePhraseNeedsTwoBases(t *testing.T) {
	typePage := func(name, prose string, rows ...string) string {
		return "---\nms.contentlocale: xx-XX\n---\n# <a name=\"" + name + "-resource-type\"></a>" + name + " qa\n\n" + prose + "\n\n" +
			"## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n" + strings.Join(rows, "\n") + "\n"
	}
	base := []string{"|id|String|Qe.|", "|label|String|Qe.|", "|ttl|Int32|Qe.|"}
	files := map[string]string{"record.md": typePage("record", "Qe.", base...)}
	for _, r := range []string{"mxRecord", "txtRecord", "srvRecord"} {
		files[strings.ToLower(r)+".md"] = typePage(r, "Qo ni vo [record](record.md).", append(base, "|"+r+"Own|String|Qe.|")...)
	}
	s := resolveRaw(t, files)
	if s.Learned != nil {
		assert.NotContains(t, s.Learned.BasePhrases, "ni vo")
	}
	mx := mustType(t, s, "microsoft.graph.mxRecord")
	require.NotNil(t, mx.Base, "the rows the page repeats still say it")
	assert.Equal(t, "microsoft.graph.record", *mx.Base)
}

// On a translated page a type's annotation may be copied in other letter
// case (microsoft.graph.approle): the links decide, as for enums. Links
// that drop a capital inside the name do not (vpnserver for vpnServer).
func TestTranslatedTypeTakesTheCaseOfItsLinks(t *testing.T) {
	typePage := func(annotated string) string {
		return "---\nms.contentlocale: de-DE\n---\n# <a name=\"x-resource-type\"></a>Qa\n\n## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n|id|String|Qe.|\n\n" +
			"## <a name=\"json-representation\"></a>Jo\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph." + annotated + "\"} -->\n```json\n{\"id\": \"String\"}\n```\n"
	}
	files := map[string]string{"approle.md": typePage("approle"), "vpnserver.md": typePage("vpnServer")}
	for _, owner := range []string{"app", "site", "hub"} {
		files[owner+".md"] = page{title: owner, rows: []string{"role|[appRole](approle.md)|x", "server|[vpnserver](vpnserver.md)|x"}}.markdown()
	}
	s := resolveRaw(t, files)
	mustType(t, s, "microsoft.graph.appRole")
	mustType(t, s, "microsoft.graph.vpnServer")
	assert.Equal(t, map[string]string{"microsoft.graph.approle": "microsoft.graph.appRole"}, s.Learned.NameCases)
}

// A translated enum title that lost its word capitals takes them from a
// row named like it, letter for letter (the JSON key
// certificateValidityPeriodScale beside a translated name cell); a link
// that capitalizes a lower-case name is a title, not a vote.
func TestTranslatedNameTakesTheCaseOfARowNamedLikeIt(t *testing.T) {
	enumPage := "---\ndoc_type: enumPageType\nms.contentlocale: de-DE\n---\n# <a name=\"certificatevalidityperiodscale-enum-type\"></a>Certificatevalidityperiodscale wurden-Enumerationstyp\n\n" +
		"## <a name=\"members\"></a>Elemente\n|Element|Wert|Beschreibung|\n|:--|:--|:--|\n|days|0|x|\n|months|1|x|\n"
	kvPage := "---\nms.contentlocale: de-DE\n---\n# <a name=\"keyvalue-resource-type\"></a>KeyValue Ressourcentyp\n\n## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n|key|String|x|\n\n" +
		"## <a name=\"json-representation\"></a>Jo\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.keyvalue\"} -->\n```json\n{\"key\": \"String\"}\n```\n"
	profile := "---\nms.contentlocale: de-DE\n---\n# <a name=\"profile-resource-type\"></a>profile Ressourcentyp\n\n## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n" +
		"|Certificatevalidityperiodscale wurden|[Certificatevalidityperiodscale wurden](certificatevalidityperiodscale.md)|x|\n" +
		"|details|[keyValue](keyvalue.md)-Sammlung|x|\n|properties|[KeyValue](keyvalue.md) -Auflistung|x|\n|more|[KeyValue](keyvalue.md) -Auflistung|x|\n\n" +
		"## <a name=\"json-representation\"></a>Jo\n```json\n{\"certificateValidityPeriodScale\": \"String\", \"details\": [], \"properties\": [], \"more\": []}\n```\n"
	s := resolveRaw(t, map[string]string{"certificatevalidityperiodscale.md": enumPage, "keyvalue.md": kvPage, "profile.md": profile})
	mustType(t, s, "microsoft.graph.certificateValidityPeriodScale")
	mustType(t, s, "microsoft.graph.keyValue")
}

// An annotation naming the root entity type (the template's default) does
// not stop the linked type whose rows a page repeats from being its base,
// and a translated page may rename one row in ten of them.
func TestRepeatedRowsOutrankAnEntityAnnotation(t *testing.T) {
	typePage := func(name, prose, annotation string, rows ...string) string {
		return "---\nms.contentlocale: xx-XX\n---\n# <a name=\"" + name + "-resource-type\"></a>" + name + " qa\n\n" + prose + "\n\n" +
			"## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n" + strings.Join(rows, "\n") + "\n\n" +
			"## <a name=\"json-representation\"></a>Jo\n<!-- {\"blockType\": \"resource\", " + annotation + "\"@odata.type\": \"microsoft.graph." + name + "\"} -->\n"
	}
	var base []string
	for i := range 10 {
		base = append(base, "|p"+strconv.Itoa(i)+"|String|Qe.|")
	}
	derived := append([]string{"|Umbenannt|String|Qe.|"}, base[1:]...) // p0, renamed by the translation
	s := resolveRaw(t, map[string]string{
		"message.md":      typePage("message", "Qe.", `"baseType": "microsoft.graph.entity", `, base...),
		"eventmessage.md": typePage("eventMessage", "Ku [message](message.md) ra.", `"baseType": "microsoft.graph.entity", `, append(derived, "|meetingType|String|Qe.|")...),
		"entity.md":       typePage("entity", "Qe.", "", "|id|String|Qe.|"),
	})
	em := mustType(t, s, "microsoft.graph.eventMessage")
	require.NotNil(t, em.Base)
	assert.Equal(t, "microsoft.graph.message", *em.Base)
}

// A type word no data file knows is learned from the JSON placeholders
// beside it, and read also where more words follow it after a comma.
func TestTypeWordLearnedFromPlaceholders(t *testing.T) {
	typePage := func(name string, rows, json string) string {
		return "---\nms.contentlocale: xx-XX\n---\n# <a name=\"" + name + "-resource-type\"></a>" + name + " qa\n\n" +
			"## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n" + rows + "\n\n" +
			"## <a name=\"json-representation\"></a>Jo\n```json\n" + json + "\n```\n"
	}
	files := map[string]string{}
	for _, n := range []string{"a", "b", "c"} {
		files[n+".md"] = typePage(n, "|label|Zeichenkette|x|", `{"label": "String"}`)
	}
	files["d.md"] = typePage("d", "|code|Zeichenkette, höchstens 20|x|", `{"other": "String"}`)
	s := resolveRaw(t, files)
	require.NotNil(t, s.Learned)
	assert.Equal(t, LearnedWord{Type: "Edm.String", Count: 3}, s.Learned.TypeWords["zeichenkette"])
	d := mustType(t, s, "microsoft.graph.d")
	require.NotEmpty(t, d.Properties)
	assert.Equal(t, "Edm.String", d.Properties[0].Type)
}

// A type whose page names an enum as its base gets no base from it (a
// struct cannot embed a string type), with a warning; a real base claim
// beside it still holds.
func TestEnumBaseIsIgnored(t *testing.T) {
	color := "---\ndoc_type: enumPageType\n---\n# color enum type\n\nNamespace: microsoft.graph\n\n## Members\n|Member|Value|Description|\n|:--|:--|:--|\n|red|0|x|\n"
	s := resolveRaw(t, map[string]string{
		"color.md": color,
		"kid.md":   page{title: "kid", inherits: "color", rows: []string{"name|String|x"}}.markdown(),
		"base.md":  page{title: "base", rows: []string{"id|String|x"}}.markdown(),
		"both.md":  page{title: "both", inherits: "color", annotation: `"@odata.type": "microsoft.graph.both", "baseType": "microsoft.graph.base"`, rows: []string{"n|String|x"}}.markdown(),
	})
	kid := mustType(t, s, "microsoft.graph.kid")
	assert.Nil(t, kid.BaseType)
	assert.Nil(t, kid.Base)
	assert.Equal(t, "microsoft.graph.base", mustType(t, s, "microsoft.graph.both").BaseType.Name)
	var at []string
	for _, d := range s.Diagnostics {
		if d.Code == diag.EnumBase.Name() {
			at = append(at, fmt.Sprintf("%s:%d", d.File, d.Line))
		}
	}
	assert.Equal(t, []string{"both.md:5", "kid.md:5"}, at)
}

// microsoft.graph.Json stands for any JSON: a property linked to its page
// holds raw JSON like one typed Json in words, and the type is no Go type.
func TestJsonTypeIsAnyJSON(t *testing.T) {
	s := resolveRaw(t, map[string]string{
		"json.md":  "# Json resource type\n\nNamespace: microsoft.graph\n\nAny JSON.\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.Json\"} -->\n",
		"range.md": page{title: "range", rows: []string{"values|[Json](json.md)|x", "text|Json|x"}}.markdown(),
	})
	r := mustType(t, s, "microsoft.graph.range")
	for _, p := range r.Properties {
		assert.Equal(t, jsonTypeName, p.Type, p.Name)
		assert.Nil(t, p.Ref, p.Name)
	}
	j := mustType(t, s, jsonTypeName)
	assert.True(t, j.AnyJSON())
	assert.False(t, r.AnyJSON())
}

// OnPass hears every pass of the table, in order, once.
func TestPassesAreTimedInOrder(t *testing.T) {
	var heard []string
	ResolveWith(nil, Options{OnPass: func(name string, took time.Duration) {
		assert.GreaterOrEqual(t, took, time.Duration(0))
		heard = append(heard, name)
	}})
	var want []string
	for _, p := range passes {
		want = append(want, p.name)
	}
	assert.Equal(t, want, heard)
	assert.Equal(t, "collect", heard[0])
	assert.Equal(t, "names", heard[len(heard)-2], "Go names are settled last, after the operations")
}

// A base page's table of derived types shows what the words around the
// link to it on a derived page mean ("[base](base.md) vek." on pages the
// base lists), so a page no base lists, with the same words, takes the
// base they name.
func TestBasePhraseLearnedFromDerivedTypeTables(t *testing.T) {
	typePage := func(name, prose, rows string) string {
		return "---\nms.contentlocale: xx-XX\n---\n# <a name=\"" + name + "-resource-type\"></a>" + name + " qa\n\n" + prose + "\n\n" +
			"## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n" + rows + "\n"
	}
	basePage := func(name string, derived ...string) string {
		var b strings.Builder
		b.WriteString("---\nms.contentlocale: xx-XX\n---\n# <a name=\"" + name + "-resource-type\"></a>" + name + " qa\n\nQe.\n\n")
		if len(derived) > 0 {
			b.WriteString("## <a name=\"derived-types\"></a>Qo\n|Zi|Zu|\n|:--|:--|\n")
			for _, d := range derived {
				b.WriteString("|[" + d + "](" + d + ".md)|x|\n")
			}
			b.WriteString("\n")
		}
		b.WriteString("## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n|" + name + "Id|String|x|\n")
		return b.String()
	}
	files := map[string]string{
		"basea.md":  basePage("basea", "kida", "kidb"),
		"baseb.md":  basePage("baseb", "kidc"),
		"kida.md":   typePage("kida", "Qe zu. [basea](basea.md) vek.", "|a|String|x|"),
		"kidb.md":   typePage("kidb", "Qe zo. [basea](basea.md) vek.", "|b|String|x|"),
		"kidc.md":   typePage("kidc", "Qe za. [baseb](baseb.md) vek.", "|c|String|x|"),
		"orphan.md": typePage("orphan", "Qe ze. [baseb](baseb.md) vek.", "|d|String|x|"),
	}
	s := resolveRaw(t, files)
	require.NotNil(t, s.Learned)
	assert.Contains(t, s.Learned.BasePhrases, "... vek")
	orphan := mustType(t, s, "microsoft.graph.orphan")
	require.NotNil(t, orphan.Base)
	assert.Equal(t, "microsoft.graph.baseb", *orphan.Base, "the phrase the derived tables taught")
}
