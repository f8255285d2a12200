package parser

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/parser/lang"
)

// A made-up language: adding a language is a data file (this vocabulary)
// and its tests (this one).
const zorbish = `{
  "language": "zz",
  "headings": {
    "properties": ["glorpz*"],
    "relationships": ["linkoz*"],
    "typeTitle": ["* blarg-tipo"],
    "enumTitle": ["* numo-tipo"],
    "namespace": ["nomspaz:*"]
  },
  "columns": {
    "properties": ["glorp"],
    "type": ["*tipo*"],
    "description": ["*deskro*"],
    "members": ["numo*"],
    "value": ["*valu*"]
  },
  "phrases": {
    "inherits": ["erbt fonn"],
    "notNullable": ["nix nullo"],
    "possibleValues": ["valuz posibo"]
  },
  "types": {
    "primitives": {"zeikette": "Edm.String", "wahrwert": "Edm.Boolean", "ganzzal": "Edm.Int32"},
    "collection": ["samlo"],
    "filler": ["samlo"]
  }
}`

const zorbishPage = `# widget blarg-tipo

Nomspaz: microsoft.graph

Erbt fonn [entity](entity.md).

## Glorpz

| Glorp | Tipo | Deskro |
|:--|:--|:--|
| label | Zeikette | Das label. Nix nullo. |
| enabled | Wahrwert | Ja oder nein. |
| count | Ganzzal | Wie viele. |
| tags | Zeikette samlo | Die tags. |
| shape | [widgetShape](widgetshape.md) | Valuz posibo: ` + "`round`, `square`" + `. |
`

func TestAMadeUpLanguageIsADataFile(t *testing.T) {
	// Without its words the page gives a type from its title's name only.
	before := Parse("widget.md", []byte(zorbishPage), Options{RootName: "resources"})
	var props []string
	for _, td := range before.Types {
		props = append(props, propNames(td)...)
	}
	assert.Empty(t, props, "without its words no table of the page is read")

	v, err := lang.Parse([]byte(zorbish))
	require.NoError(t, err)
	words := lang.New(append(lang.Embedded(), v)...)
	p := Parse("widget.md", []byte(zorbishPage), Options{RootName: "resources", Lang: words})
	require.Len(t, p.Types, 1, "%v", p.Diags)
	td := p.Types[0]
	assert.Equal(t, "microsoft.graph.widget", td.Name)
	require.Len(t, td.Bases, 1)
	assert.Equal(t, "entity.md", td.Bases[0].Link)
	assert.Equal(t, []string{"label", "enabled", "count", "tags", "shape"}, propNames(td))
	assert.Equal(t, "Edm.String", prop(t, td, "label").Type.Primitive)
	assert.False(t, prop(t, td, "label").Nullable)
	assert.Equal(t, "Edm.Boolean", prop(t, td, "enabled").Type.Primitive)
	assert.Equal(t, "Edm.Int32", prop(t, td, "count").Type.Primitive)
	assert.True(t, prop(t, td, "tags").Type.Collection)
	assert.Equal(t, []string{"round", "square"}, prop(t, td, "shape").PossibleValues)
}

// A made-up language that puts the verb last: the phrase that names the
// base follows its link, in prose ("[entity](entity.md) fonn erbt") and in
// rows ("[entity](entity.md) fonn geerbt"). Its data file says so.
const zorbishFinal = `{
  "language": "zf",
  "headings": {"properties": ["glorpz*"], "typeTitle": ["* blarg-tipo"]},
  "columns": {"properties": ["glorp"], "type": ["*tipo*"], "description": ["*deskro*"]},
  "phrases": {"inheritsAfter": ["fonn erbt"], "inheritedAfter": ["fonn geerbt"]},
  "types": {"primitives": {"zeikette": "Edm.String"}}
}`

const zorbishFinalPage = `# <a name="gadget-resource-type"></a>gadget blarg-tipo

Gadget [widget](widget.md) fonn erbt.

## <a name="properties"></a>Glorpz

| Glorp | Tipo | Deskro |
|:--|:--|:--|
| id | Zeikette | Das id. [entity](entity.md) fonn geerbt. |
| label | Zeikette | Das label, [widget](widget.md) zeigt es. |
`

func TestAVerbFinalLanguageIsADataFile(t *testing.T) {
	v, err := lang.Parse([]byte(zorbishFinal))
	require.NoError(t, err)
	words := lang.New(append(lang.Embedded(), v)...)
	p := Parse("gadget.md", []byte(zorbishFinalPage), Options{RootName: "resources", Lang: words})
	require.Len(t, p.Types, 1, "%v", p.Diags)
	td := p.Types[0]
	require.Len(t, td.Bases, 1)
	assert.Equal(t, "widget.md", td.Bases[0].Link, "the phrase after the link names the base")
	require.NotNil(t, prop(t, td, "id").Inherited)
	assert.Equal(t, "entity.md", prop(t, td, "id").Inherited.Link)
	assert.Nil(t, prop(t, td, "label").Inherited, "a link that ends its clause names no base")

	// Without its words, the links keep the words after them for the
	// folder to teach.
	p = Parse("gadget.md", []byte(zorbishFinalPage), Options{RootName: "resources"})
	require.Len(t, p.Types, 1)
	require.NotEmpty(t, p.Types[0].LinkPhrases)
	assert.Equal(t, "fonn erbt", p.Types[0].LinkPhrases[0].After)
}

// A link's phrases are the words around the link itself, not around an
// earlier word that reads like its text ("Die **Event Message**-Entität ist
// von [Message](message.md) abgeleitet").
func TestALinkPhraseStandsAtItsLink(t *testing.T) {
	page := strings.Replace(zorbishFinalPage, "Gadget [widget](widget.md) fonn erbt.", "Der **gadget widget** ist [widget](widget.md) fonn erbt.", 1)
	p := Parse("gadget.md", []byte(page), Options{RootName: "resources"})
	require.Len(t, p.Types, 1)
	require.Len(t, p.Types[0].LinkPhrases, 1)
	lp := p.Types[0].LinkPhrases[0]
	assert.Equal(t, "gadget widget ist", lp.Phrase)
	assert.Equal(t, "fonn erbt", lp.After)
}

// A link's phrase before it is of its own sentence: the words of the one
// before do not count, whatever mark ends it ("在内。 继承自" is 继承自).
func TestALinkPhraseStartsWithItsSentence(t *testing.T) {
	for _, c := range []struct{ prose, want string }{
		{"Qo ze vu 在内。 继承自 [widget](widget.md)。", "继承自"},
		{"Qo ze vu 在内。继承自 [widget](widget.md)。", "继承自"},
		{"Qo ze vu 的值。继承 自 [widget](widget.md)。", "继承 自"},
		{"Qo ze vu 的值。”继承自 [widget](widget.md)。", "继承自"},
		{"Qo ze vu gerät.\" Erbt von [widget](widget.md).", "erbt von"},
		{"Qo ze vu gerät. Erbt von [widget](widget.md).", "erbt von"},
		{"Qo ze! Va [widget](widget.md).", "va"},
		{"Qo ze vu z.B. [widget](widget.md).", ""},
		{"Qo ze vu ko [widget](widget.md).", "ze vu ko"},
	} {
		page := strings.Replace(zorbishFinalPage, "Gadget [widget](widget.md) fonn erbt.", c.prose, 1)
		p := Parse("gadget.md", []byte(page), Options{RootName: "resources"})
		require.Len(t, p.Types, 1)
		require.NotEmpty(t, p.Types[0].LinkPhrases, c.prose)
		assert.Equal(t, c.want, p.Types[0].LinkPhrases[0].Phrase, c.prose)
	}
}
