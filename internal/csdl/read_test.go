package csdl

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/schema"
)

func readFile(t *testing.T, name string) (*Model, diag.List) {
	t.Helper()
	path := filepath.ToSlash(filepath.Join("testdata", name))
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return Read(path, data)
}

func typeNamed(t *testing.T, m *Model, name string) *Type {
	t.Helper()
	for _, x := range m.Types {
		if x.Name == name {
			return x
		}
	}
	require.Failf(t, "no type", "%s is not in the model", name)
	return nil
}

func propertyNamed(t *testing.T, x *Type, name string) *Property {
	t.Helper()
	for _, p := range x.Properties {
		if p.Name == name {
			return p
		}
	}
	require.Failf(t, "no property", "%s has no property %s", x.Name, name)
	return nil
}

func values(ms []*Member) map[string]int64 {
	out := map[string]int64{}
	for _, m := range ms {
		if m.Value != nil {
			out[m.Name] = *m.Value
		}
	}
	return out
}

// lending.xml has two schemas with aliases, one used before it is declared,
// and an included vocabulary with an alias of its own.
func TestReadQualifiesNamesThroughAliases(t *testing.T) {
	m, diags := readFile(t, "lending.xml")
	require.NotNil(t, m)
	assert.Empty(t, diags)
	assert.Equal(t, "4.01", m.Version)
	assert.Equal(t, []SchemaInfo{{"microsoft.graph", "graph", 8}, {"contoso.lending", "lend", 69}}, m.Schemas)

	var names []string
	for _, x := range m.Types {
		names = append(names, x.Name)
	}
	assert.Equal(t, []string{"microsoft.graph.entity", "microsoft.graph.user", "microsoft.graph.address",
		"microsoft.graph.color", "microsoft.graph.weekDays", "contoso.lending.loan", "contoso.lending.ebookLoan"}, names,
		"document order; a TypeDefinition is no type")

	entity := typeNamed(t, m, "microsoft.graph.entity")
	assert.True(t, entity.Abstract)
	assert.Equal(t, []string{"id"}, entity.Key)
	assert.Equal(t, Pos{9, 7}, entity.Pos)

	user := typeNamed(t, m, "microsoft.graph.user")
	assert.Equal(t, EntityType, user.Kind)
	assert.Equal(t, "microsoft.graph.entity", user.Base, "graph.entity")
	assert.True(t, user.OpenType)
	assert.Equal(t, &Property{Name: "loans", Type: "contoso.lending.loan", Collection: true, Navigation: true,
		Nullable: true, Contained: true, Pos: Pos{23, 9}}, propertyNamed(t, user, "loans"), "Collection(lend.loan), lend declared later")
	assert.Equal(t, "microsoft.graph.user", propertyNamed(t, user, "manager").Type, "written with the namespace")
	assert.Equal(t, "Edm.String", propertyNamed(t, user, "employeeCode").Type, "a TypeDefinition's underlying type")
	mails := propertyNamed(t, user, "otherMails")
	assert.True(t, mails.Collection)
	assert.False(t, mails.Nullable)
	assert.Len(t, user.Properties, 5, "the annotations inside displayName are no properties")

	loan := typeNamed(t, m, "contoso.lending.loan")
	assert.Equal(t, "microsoft.graph.entity", loan.Base)
	assert.Equal(t, "microsoft.graph.color", propertyNamed(t, loan, "shelfColor").Type)
	assert.Equal(t, "Org.OData.Core.V1.Tag", propertyNamed(t, loan, "body").Type, "the alias of an included namespace")
	ebook := typeNamed(t, m, "contoso.lending.ebookLoan")
	assert.Equal(t, "contoso.lending.loan", ebook.Base, "lend.loan")
	assert.True(t, ebook.HasStream)

	assert.Equal(t, ComplexType, typeNamed(t, m, "microsoft.graph.address").Kind)
	color := typeNamed(t, m, "microsoft.graph.color")
	assert.Equal(t, map[string]int64{"red": 0, "green": 1, "blue": 2}, values(color.Members), "no Value: numbered in order")
	days := typeNamed(t, m, "microsoft.graph.weekDays")
	assert.True(t, days.IsFlags)
	assert.Equal(t, map[string]int64{"none": 0, "monday": 1, "tuesday": 2, "sunday": 64}, values(days.Members))
}

func TestReadKeepsOperationsAndEntryPoints(t *testing.T) {
	m, _ := readFile(t, "lending.xml")
	require.NotNil(t, m)
	require.Len(t, m.Operations, 4)
	send := m.Operations[0]
	assert.Equal(t, &Operation{Name: "microsoft.graph.sendMail", Kind: Action, Bound: true,
		Binding: &Parameter{Name: "bindingParameter", Type: "microsoft.graph.user", Nullable: true},
		Parameters: []Parameter{
			{Name: "Message", Type: "microsoft.graph.address"},
			{Name: "SaveToSentItems", Type: "Edm.Boolean", Nullable: true},
		}, Pos: Pos{41, 7}}, send)

	// Two overloads of delta, told apart by their binding.
	users, loans := m.Operations[1], m.Operations[2]
	assert.Equal(t, "microsoft.graph.delta", users.Name)
	assert.Equal(t, Function, users.Kind)
	assert.True(t, users.Composable)
	assert.Equal(t, &Parameter{Name: "bindingParameter", Type: "microsoft.graph.user", Collection: true, Nullable: true}, users.Binding)
	assert.Equal(t, &Parameter{Type: "microsoft.graph.user", Collection: true, Nullable: true}, users.Return)
	assert.Equal(t, "microsoft.graph.delta", loans.Name)
	assert.Equal(t, "contoso.lending.loan", loans.Binding.Type)
	assert.Equal(t, []Parameter{{Name: "token", Type: "Edm.String", Nullable: true}}, loans.Parameters)
	assert.False(t, loans.Return.Nullable)

	today := m.Operations[3]
	assert.False(t, today.Bound)
	assert.Nil(t, today.Binding)
	assert.Equal(t, "Edm.Date", today.Return.Type)

	const container = "microsoft.graph.GraphService"
	assert.Equal(t, []*EntryPoint{
		{Name: "users", Kind: EntitySet, Container: container, Type: "microsoft.graph.user", Pos: Pos{59, 9}},
		{Name: "me", Kind: Singleton, Container: container, Type: "microsoft.graph.user", Pos: Pos{62, 9}},
		{Name: "today", Kind: FunctionImport, Container: container, Type: "microsoft.graph.today", Pos: Pos{63, 9}},
	}, m.EntryPoints)
}

// The schema is written as a run over pages writes it: qualified names,
// Edm names, element types with a collection flag, path:line sources, and
// links and Go names settled.
func TestSchemaIsWrittenAsPagesWriteIt(t *testing.T) {
	m, _ := readFile(t, "lending.xml")
	require.NotNil(t, m)
	s := m.Schema()
	var names []string
	for _, x := range s.Types {
		names = append(names, x.Name)
	}
	assert.Equal(t, []string{"contoso.lending.ebookLoan", "contoso.lending.loan", "microsoft.graph.address",
		"microsoft.graph.color", "microsoft.graph.entity", "microsoft.graph.user", "microsoft.graph.weekDays"}, names, "sorted")

	entity, user, loan := s.Lookup("microsoft.graph.entity"), s.Lookup("microsoft.graph.user"), s.Lookup("contoso.lending.loan")
	require.NotNil(t, entity)
	require.NotNil(t, user)
	require.NotNil(t, loan)
	assert.Equal(t, schema.Entity, user.Kind)
	assert.Equal(t, "microsoft.graph.entity", *user.Base)
	assert.Same(t, entity, user.BaseType)
	assert.Equal(t, []*schema.Type{loan, user}, entity.Derived)
	assert.True(t, entity.Abstract)
	assert.Equal(t, "id", entity.KeyProperty)
	assert.Nil(t, entity.Base)
	assert.Equal(t, "testdata/lending.xml:15", user.Source)

	var loans *schema.Property
	for _, p := range user.Properties {
		if p.Name == "loans" {
			loans = p
		}
	}
	require.NotNil(t, loans)
	assert.Equal(t, "contoso.lending.loan", loans.Type)
	assert.True(t, loans.Collection)
	assert.True(t, loans.Navigation)
	assert.Same(t, loan, loans.Ref)
	assert.Equal(t, "testdata/lending.xml:23", loans.Source)
	assert.Equal(t, "[]AnyLendingLoan", schema.GoFieldType(loans), "loan has a derived type: its interface; of another namespace than microsoft.graph, its name says which")

	assert.Equal(t, "User", user.GoName)
	assert.Equal(t, "AnyEntity", entity.GoInterface)
	assert.Equal(t, "Loans", loans.GoName)
	days := s.Lookup("microsoft.graph.weekDays")
	assert.Equal(t, schema.Enum, days.Kind)
	assert.True(t, days.Flags)
	require.Len(t, days.Members, 4)
	assert.Equal(t, "WeekDaysSunday", days.Members[3].GoName)
	assert.Equal(t, int64(64), *days.Members[3].Value)
	assert.Equal(t, "testdata/lending.xml:39", days.Members[3].Source)

	// It reads back as the schema JSON it writes.
	data, err := s.JSON()
	require.NoError(t, err)
	again, err := schema.ReadJSON(data)
	require.NoError(t, err)
	assert.Empty(t, schema.Diff(s, again))
}

// mistakes.xml is CSDL with mistakes: each is warned of where it is, and
// the rest is read.
func TestReadWarnsOfWhatItCannotUse(t *testing.T) {
	m, diags := readFile(t, "mistakes.xml")
	require.NotNil(t, m)
	var got []string
	for _, d := range diags {
		assert.Equal(t, diag.Warning, d.Severity)
		assert.Equal(t, "bad-csdl", d.Code)
		got = append(got, d.String())
	}
	const f = "testdata/mistakes.xml:"
	assert.Equal(t, []string{
		f + `8:7: warning: bad-csdl: Abstract="yes" on <EntityType> is not true or false; taken as false`,
		f + `8:7: warning: bad-csdl: microsoft.graph.widget has BaseType microsoft.graph.entty, which this file does not declare; the type gets no base`,
		f + `10:9: warning: bad-csdl: property size of microsoft.graph.widget is declared again; the first (line 9) is kept`,
		f + `11:9: warning: bad-csdl: property microsoft.graph.widget.weight has type Edm.Strng, which is no Edm type`,
		f + `12:9: warning: bad-csdl: property microsoft.graph.widget.owner has type microsoft.graph.persn, which this file does not declare`,
		f + `13:9: warning: bad-csdl: property microsoft.graph.widget.label has type "Collection(graph.label", which is no qualified type name (Namespace.Name or Collection(Namespace.Name))`,
		f + `14:9: warning: bad-csdl: property notes of microsoft.graph.widget has no Type; skipped`,
		f + `15:9: warning: bad-csdl: <Property> Name "bad name" is not a CSDL identifier (a letter or _, then letters, digits or _, at most 128); skipped`,
		f + `17:7: warning: bad-csdl: microsoft.graph.widget is declared again; the first (line 8) is kept`,
		f + `21:7: warning: bad-csdl: the bases of microsoft.graph.chicken, microsoft.graph.egg form a cycle; microsoft.graph.egg loses its base microsoft.graph.chicken`,
		f + `22:7: warning: bad-csdl: microsoft.graph.part (complex type) has BaseType microsoft.graph.entity, a entity type; the type gets no base`,
		f + `25:9: warning: bad-csdl: member large of microsoft.graph.size declares no Value where others do (CSDL wants all or none); left without a value`,
		f + `26:9: warning: bad-csdl: member huge of microsoft.graph.size has Value "lots", which is no 64-bit integer; it is left without a value`,
		f + `27:9: warning: bad-csdl: member small of microsoft.graph.size is declared again; the first (line 24) is kept`,
		f + `29:7: warning: bad-csdl: <EntityType> has no Name; skipped`,
	}, got)

	widget := typeNamed(t, m, "microsoft.graph.widget")
	assert.Empty(t, widget.Base)
	var props []string
	for _, p := range widget.Properties {
		props = append(props, p.Name+" "+p.Type)
	}
	assert.Equal(t, []string{"size Edm.Int32", "weight Edm.Strng", "owner microsoft.graph.persn"}, props,
		"an unknown type is kept as written, as pages' are")
	assert.Equal(t, "microsoft.graph.egg", typeNamed(t, m, "microsoft.graph.chicken").Base)
	assert.Empty(t, typeNamed(t, m, "microsoft.graph.egg").Base)
	assert.Equal(t, map[string]int64{"small": 0}, values(typeNamed(t, m, "microsoft.graph.size").Members))
	assert.Len(t, m.Schema().Types, 6)
}

// A file that is no CSDL 4 is one error at its place, and no model.
func TestReadRefusesWhatIsNoCSDL(t *testing.T) {
	const (
		edmx = `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">`
		ds   = `<edmx:DataServices><Schema Namespace="n" xmlns="http://docs.oasis-open.org/odata/ns/edm">`
	)
	cases := []struct {
		name, data, want string
	}{
		{"empty", "", "1:1: error: not-csdl: no root element"},
		{"json", `{"version": 2}`, "1:1: error: not-csdl: no root element"},
		{"not well-formed", edmx + "\n" + ds + "\n<EntityType Name=\"a\">\n</Schema>", "4:10: error: not-csdl: XML syntax error: element <EntityType> closed by </Schema>"},
		{"cut short", edmx + ds + `<EntityType Name="a">`, "1:190: error: not-csdl: XML syntax error: the file ends before its elements are closed"},
		{"another root", `<html><body/></html>`, "1:1: error: not-csdl: the root element is <html>, not <edmx:Edmx>"},
		{"OData 3", `<edmx:Edmx Version="3.0" xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx"/>`, "1:1: error: not-csdl: the root element is of namespace \"http://schemas.microsoft.com/ado/2007/06/edmx\": OData 2 or 3 metadata"},
		{"OData 3 schema", edmx + `<edmx:DataServices>` + "\n" + `  <Schema Namespace="n" xmlns="http://schemas.microsoft.com/ado/2009/11/edm"/></edmx:DataServices></edmx:Edmx>`, "2:3: error: not-csdl: <Schema> of namespace \"http://schemas.microsoft.com/ado/2009/11/edm\" is OData 2 or 3 metadata"},
		{"no data services", edmx + `</edmx:Edmx>`, "1:1: error: not-csdl: edmx:Edmx holds no edmx:DataServices"},
		{"no schema", edmx + `<edmx:DataServices/></edmx:Edmx>`, "1:1: error: not-csdl: edmx:DataServices holds no Schema"},
		{"UTF-16", "\xff\xfe<\x00e\x00", "1:1: error: not-csdl: the file is UTF-16"},
		{"another encoding", `<?xml version="1.0" encoding="ISO-8859-1"?>` + edmx, "1:"},
		{"deep", edmx + ds + strings.Repeat("<a>", 300), "1:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, diags := Read("in.xml", []byte(c.data))
			assert.Nil(t, m)
			require.Len(t, diags, 1)
			assert.Equal(t, diag.Error, diags[0].Severity)
			assert.Contains(t, diags[0].String(), "in.xml:"+c.want)
		})
	}
	_, diags := Read("in.xml", []byte(`<?xml version="1.0" encoding="ISO-8859-1"?><x/>`))
	assert.Contains(t, diags[0].Message, `the file declares encoding "ISO-8859-1"; gen reads CSDL in UTF-8`)
	_, diags = Read("in.xml", []byte(edmx+ds+strings.Repeat("<a>", 300)))
	assert.Contains(t, diags[0].Message, "elements nest deeper than 256")
}

// Base chains are cut where they grow deeper than gen follows, so that
// naming a long chain stays linear.
func TestReadCutsDeepBaseChains(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>` +
		`<Schema Namespace="n" xmlns="http://docs.oasis-open.org/odata/ns/edm">` + "\n")
	const n = 200
	b.WriteString(`<ComplexType Name="t0"/>` + "\n")
	for i := 1; i < n; i++ {
		b.WriteString(`<ComplexType Name="t` + strconv.Itoa(i) + `" BaseType="n.t` + strconv.Itoa(i-1) + `"/>` + "\n")
	}
	b.WriteString(`</Schema></edmx:DataServices></edmx:Edmx>`)
	m, diags := Read("deep.xml", []byte(b.String()))
	require.NotNil(t, m)
	require.Len(t, diags, 3, "t65, t130 and t195 lose their bases")
	assert.Contains(t, diags[0].String(), "deep.xml:67:1: warning: bad-csdl: n.t65 would be 65 bases below its root")
	s := m.Schema()
	for _, x := range s.Types {
		depth := 0
		for range x.Ancestors() {
			depth++
		}
		assert.LessOrEqual(t, depth, maxBaseDepth, x.Name)
	}
}
