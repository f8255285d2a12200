package schema

// A base page that lists the types derived from it, in words no data file
// has (a bulleted list, a table of links before the first section): the
// listed type whose page repeats the lister's rows, and more, takes it as
// its base; of two listers, the one with the most rows (the nearest).

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBaseFromThePageThatListsIt(t *testing.T) {
	typePage := func(name, prose string, rows ...string) string {
		return "---\nms.contentlocale: xx-XX\n---\n# <a name=\"" + name + "-resource-type\"></a>" + name + " qa\n\n" + prose + "\n\n" +
			"## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n" + strings.Join(rows, "\n") + "\n"
	}
	root := []string{"|id|String|Qe.|", "|riskLevel|String|Qe.|", "|userId|String|Qe.|"}
	located := append(append([]string(nil), root...), "|ipAddress|String|Qe.|", "|location|String|Qe.|")
	s := resolveRaw(t, map[string]string{
		// The root lists every leaf in a table of links; the located
		// type lists two of them in bullets.
		"riskevent.md":    typePage("riskEvent", "Qe qo:\n\n|Qa|Qu|\n|:--|:--|\n|[travelEvent](travelevent.md)|Qe.|\n|[leakedEvent](leakedevent.md)|Qe.|\n|[plainEvent](plainevent.md)|Qe.|", root...),
		"locatedevent.md": typePage("locatedEvent", "Qe qo:\n\n* [Ku travel](travelevent.md)\n* [Ku other](otherevent.md)", located...),
		"travelevent.md":  typePage("travelEvent", "Qe.", append(append([]string(nil), located...), "|previousLocation|String|Qe.|")...),
		"leakedevent.md":  typePage("leakedEvent", "Qe.", append(append([]string(nil), root...), "|leakedOn|String|Qe.|")...),
		// The same rows and no more: no sign of which is the base.
		"plainevent.md": typePage("plainEvent", "Qe.", root...),
		// Rows it does not repeat: not derived.
		"otherevent.md": typePage("otherEvent", "Qe.", "|id|String|Qe.|", "|kind|String|Qe.|", "|note|String|Qe.|"),
	})
	travel := mustType(t, s, "microsoft.graph.travelEvent")
	require.NotNil(t, travel.Base)
	assert.Equal(t, "microsoft.graph.locatedEvent", *travel.Base, "of the two pages that list it, the one with the most rows")
	assert.Equal(t, []string{"previousLocation"}, names(travel.Properties), "the base's rows, repeated on the page, are not its own")
	leaked := mustType(t, s, "microsoft.graph.leakedEvent")
	require.NotNil(t, leaked.Base)
	assert.Equal(t, "microsoft.graph.riskEvent", *leaked.Base, "a table of links in the prose lists it")
	for _, n := range []string{"plainEvent", "otherEvent"} {
		ty := mustType(t, s, "microsoft.graph."+n)
		assert.True(t, ty.Base == nil || !strings.HasSuffix(*ty.Base, "Event"), "%s: %v", n, ty.Base)
	}
}

// A page whose prose links its base and, beside it, other types derived
// from that base (domainDnsUnavailableRecord's links to domainDnsRecord
// and the records derived from it), in words no data file has, and
// repeats the rows of all of them: the base is the one whose rows the
// other linked types repeat too.
func TestBaseAmongLinkedTypesTheOthersExtend(t *testing.T) {
	typePage := func(name, prose string, rows ...string) string {
		return "---\nms.contentlocale: xx-XX\n---\n# <a name=\"" + name + "-resource-type\"></a>" + name + " qa\n\n" + prose + "\n\n" +
			"## <a name=\"properties\"></a>Qi\n|Zi|Zo|Zu|\n|:--|:--|:--|\n" + strings.Join(rows, "\n") + "\n"
	}
	root := []string{"|label|String|Qe.|", "|recordType|String|Qe.|", "|ttl|Int32|Qe.|"}
	with := func(extra ...string) []string { return append(append([]string(nil), root...), extra...) }
	s := resolveRaw(t, map[string]string{
		"record.md":      typePage("record", "Qe.", root...),
		"mxrecord.md":    typePage("mxRecord", "Qe.", with("|exchange|String|Qe.|")...),
		"cnamerecord.md": typePage("cnameRecord", "Qe.", with("|canonicalName|String|Qe.|")...),
		"unavailablerecord.md": typePage("unavailableRecord",
			"Qe qo [mxRecord](mxrecord.md) qa [cnameRecord](cnamerecord.md) qu. Qy qa qe [record](record.md).",
			with("|exchange|String|Qe.|", "|canonicalName|String|Qe.|", "|description|String|Qe.|")...),
	})
	u := mustType(t, s, "microsoft.graph.unavailableRecord")
	require.NotNil(t, u.Base)
	assert.Equal(t, "microsoft.graph.record", *u.Base)
	assert.Equal(t, []string{"exchange", "canonicalName", "description"}, names(u.Properties))
}
