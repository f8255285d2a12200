package schema

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// apiPage is an API page with one request line and a response type.
func apiPage(title, request, response string) string {
	md := "---\ndoc_type: apiPageType\n---\n# " + title + "\n\nNamespace: microsoft.graph\n\n" + title + ".\n\n" +
		"## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\n" + request + "\n```\n\n## Response\n\n"
	if response != "" {
		md += "If successful, this method returns a `200 OK` response code and " + response + " in the response body.\n"
	} else {
		md += "If successful, this method returns a `204 No Content` response code.\n"
	}
	return md
}

// The docs describe one request once per derived type (a list page per
// configuration type): the service has one operation there, named without
// a number, returning what the path reaches. $ref, $value and $count
// requests are named by what they do.
func TestOperationsOfOneRequestAreOne(t *testing.T) {
	resource := func(name, base, rels string) string {
		md := "# " + name + " resource type\n\nNamespace: microsoft.graph\n\n"
		if base != "" {
			md += "Inherits from [" + base + "](" + base + ".md).\n\n"
		}
		md += "## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|id|String|x|\n"
		if rels != "" {
			md += "\n## Relationships\n|Relationship|Type|Description|\n|:--|:--|:--|\n" + rels
		}
		return md + "\n## JSON representation\n<!-- { \"blockType\": \"resource\", \"keyProperty\": \"id\", \"@odata.type\": \"microsoft.graph." + name + "\" } -->\n```json\n{\"id\": \"String\"}\n```\n"
	}
	s := resolveRaw(t, map[string]string{
		"resources/config.md":   resource("config", "", "|members|[config](config.md) collection|x|\n"),
		"resources/wifi.md":     resource("wifi", "config", ""),
		"resources/vpn.md":      resource("vpn", "config", ""),
		"api/config-get.md":     apiPage("Get config", "GET /configs/{id}", "a [config](../resources/config.md) object"),
		"api/wifi-list.md":      apiPage("List wifi", "GET /configs", "a collection of [wifi](../resources/wifi.md) objects"),
		"api/vpn-list.md":       apiPage("List vpn", "GET /configs", "a collection of [vpn](../resources/vpn.md) objects"),
		"api/members-add.md":    apiPage("Add member", "POST /configs/{id}/members/$ref", ""),
		"api/members-remove.md": apiPage("Remove member", "DELETE /configs/{id}/members/{id}/$ref", ""),
		"api/members-count.md":  apiPage("Count members", "GET /configs/{id}/members/$count", ""),
	})
	byGo := operationsByGoName(s)
	var names []string
	for _, o := range s.Operations {
		names = append(names, o.GoName)
	}
	list := byGo["ListConfigs"]
	require.NotNil(t, list, "%v", names)
	assert.Equal(t, &TypeRef{Type: "microsoft.graph.config", Collection: true}, list.Returns, "the pages return vpn and wifi: the operation returns what the path reaches")
	assert.Equal(t, "api/vpn-list.md:4", list.Source, "the first page in path order describes it")
	assert.Len(t, list.Requests, 1)
	for _, want := range []string{"ConfigAddMembersRef", "ConfigRemoveMembersRef", "ConfigCountMembers", "GetConfigs"} {
		assert.Contains(t, names, want)
	}
	assert.Len(t, names, 5, "%v", names)
}

// A function page with two overloads gives each the rows its parentheses
// name; a translated row stands for the one of them that has no row, and
// belongs to no other. A call that leaves out an optional argument is no
// other overload.
func TestFunctionOverloadsTakeTheirOwnRows(t *testing.T) {
	page := func(title string, paths []string, rows string) string {
		md := "---\ndoc_type: apiPageType\n---\n# " + title + "\n\nNamespace: microsoft.graph\n\n" + title + ".\n\n" +
			"## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\n" + strings.Join(paths, "\n") + "\n```\n\n" +
			"## Function parameters\n\n| Parameter | Type | Description |\n|:--|:--|:--|\n" + rows +
			"\n## Response\n\nIf successful, this method returns a `200 OK` response code and a String in the response body.\n"
		return md
	}
	resource := "# reportRoot resource type\n\nNamespace: microsoft.graph\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|id|String|x|\n" +
		"\n## JSON representation\n<!-- { \"blockType\": \"resource\", \"keyProperty\": \"id\", \"@odata.type\": \"microsoft.graph.reportRoot\" } -->\n```json\n{\"id\": \"String\"}\n```\n"
	s := resolveRaw(t, map[string]string{
		"resources/reportroot.md": resource,
		"api/reportroot-get.md":   apiPage("Get reportRoot", "GET /reports", "a [reportRoot](../resources/reportroot.md) object"),
		"api/reportroot-getdetail.md": page("getDetail", []string{"GET /reports/getDetail(period='{period_value}')", "GET /reports/getDetail(date={date_value})"},
			"| Zeitraum | String | x |\n| date | Date | x |\n"),
		"api/reportroot-getbyinterval.md": page("getByInterval", []string{"GET /reports/getByInterval(start='{s}',end='{e}')", "GET /reports/getByInterval(start='{s}')"},
			"| start | String | x |\n| end | String | x |\n"),
	})
	var overloads [][]string
	var interval [][]string
	for _, o := range s.Operations {
		var names []string
		for _, p := range o.Parameters {
			names = append(names, p.Name)
		}
		switch o.Name {
		case "getDetail":
			overloads = append(overloads, names)
		case "getByInterval":
			interval = append(interval, names)
		}
	}
	assert.ElementsMatch(t, [][]string{{"period"}, {"date"}}, overloads, "Zeitraum is period's row, and no row of the date overload")
	assert.Equal(t, [][]string{{"start", "end"}}, interval, "a call without end is the same function")
}

// A function the syntax calls without arguments takes the names its
// request example's call gives (a translated path parameter row stands for
// the one no row names), unless the syntax has an overload with arguments.
func TestFunctionArgumentsFromTheExample(t *testing.T) {
	page := func(title string, paths []string, rows, example string) string {
		return "---\ndoc_type: apiPageType\n---\n# " + title + "\n\nNamespace: microsoft.graph\n\n" + title + ".\n\n" +
			"## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\n" + strings.Join(paths, "\n") + "\n```\n\n" +
			"## <a name=\"path-parameters\"></a>Pfadparameter\n\n| Parameter | Typ | Beschreibung |\n|:--|:--|:--|\n" + rows +
			"\n## Response\n\nIf successful, this method returns a `200 OK` response code and a String in the response body.\n\n## Example\n\n" +
			"<!-- { \"blockType\": \"request\", \"name\": \"x\" } -->\n```http\nGET https://graph.microsoft.com/v1.0" + example + "\n```\n"
	}
	resource := "# reportRoot resource type\n\nNamespace: microsoft.graph\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|id|String|x|\n" +
		"\n## JSON representation\n<!-- { \"blockType\": \"resource\", \"keyProperty\": \"id\", \"@odata.type\": \"microsoft.graph.reportRoot\" } -->\n```json\n{\"id\": \"String\"}\n```\n"
	s := resolveRaw(t, map[string]string{
		"resources/reportroot.md": resource,
		"api/reportroot-get.md":   apiPage("Get reportRoot", "GET /reports", "a [reportRoot](../resources/reportroot.md) object"),
		"api/reportroot-cell.md":  page("cell", []string{"GET /reports/cell"}, "| row | Int32 | x |\n| Spalte | Int32 | x |\n", "/reports/cell(row=5,column=6)"),
		"api/reportroot-findrooms.md": page("findRooms", []string{"GET /reports/findRooms", "GET /reports/findRooms(RoomList='{list}')"},
			"| RoomList | String | x |\n", "/reports/findRooms(RoomList='a@b.c')"),
	})
	params := map[string][]string{}
	for _, o := range s.Operations {
		var names []string
		for _, p := range o.Parameters {
			names = append(names, p.Name+" "+p.Type)
		}
		params[o.Name] = append(params[o.Name], strings.Join(names, ","))
	}
	assert.Equal(t, []string{"row Edm.Int32,column Edm.Int32"}, params["cell"])
	assert.ElementsMatch(t, []string{"", "RoomList Edm.String"}, params["findRooms"], "the overload without arguments has none")
}

// A function argument no row types, given a quoted value in the call, is
// a string.
func TestQuotedArgument(t *testing.T) {
	assert.True(t, quotedArgument("getSummary(period='{period}')", "period"))
	assert.True(t, quotedArgument("f(a=1, period = 'D7')", "period"))
	assert.False(t, quotedArgument("f(period={period})", "period"))
	assert.False(t, quotedArgument("f(x='period')", "period"), "a value that reads like the name")
	assert.False(t, quotedArgument("f(superperiod='x')", "period"))
	assert.True(t, quotedArgument("f(ȺȺȺȺȺȺ,abc='x')", "abc"), "a letter whose lower case is longer moves no offset (it panicked)")
}

// A type an API page names that no page describes, whose singular one
// does, is that one (an annotation written after the entity set).
func TestPluralTypeNameIsItsSingular(t *testing.T) {
	md := apiPage("cancel", "POST /labels/{id}/cancel", "") +
		"\n## Example\n\n<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.labels\" } -->\n```http\nHTTP/1.1 200 OK\n\n{\"id\": \"1\"}\n```\n"
	s := resolveRaw(t, map[string]string{
		"resources/label.md":  resourcePage("label", ""),
		"api/label-list.md":   apiPage("List labels", "GET /labels", "a collection of [label](../resources/label.md) objects"),
		"api/label-cancel.md": md,
	})
	for _, o := range s.Operations {
		if o.Name == "cancel" {
			assert.Equal(t, &TypeRef{Type: "microsoft.graph.label"}, o.Returns)
			return
		}
	}
	t.Fatal("no cancel operation")
}

// A body parameter whose row's type word no data file names takes the
// type of the value the request example sends; one the example sends an
// array for is a collection, unless it is Json.
func TestBodyParameterTypesFromTheExample(t *testing.T) {
	md := apiPage("accept", "POST /labels/{id}/accept", "") +
		"\n## Request body\n\n| Parameter | Type | Description |\n|:--|:--|:--|\n| sendResponse | Логическое | x |\n| ids | String | x |\n| values | Json | x |\n" +
		"\n## Example\n\n<!-- { \"blockType\": \"request\", \"name\": \"x\" } -->\n```http\nPOST https://graph.microsoft.com/v1.0/labels/1/accept\n\n{\"sendResponse\": true, \"ids\": [\"a\"], \"values\": [[1, 2]]}\n```\n"
	s := resolveRaw(t, map[string]string{
		"resources/label.md":  resourcePage("label", ""),
		"api/label-list.md":   apiPage("List labels", "GET /labels", "a collection of [label](../resources/label.md) objects"),
		"api/label-accept.md": md,
	})
	got := map[string]string{}
	for _, o := range s.Operations {
		if o.Name == "accept" {
			for _, p := range o.Parameters {
				got[p.Name] = paramString(p)
			}
		}
	}
	assert.Equal(t, map[string]string{"sendResponse": "Edm.Boolean", "ids": "Collection(Edm.String)", "values": "microsoft.graph.Json"}, got)
}

// A function argument written as an OData enum literal
// (TimeZoneStandard=microsoft.graph.timeZoneStandard'...') is of that enum,
// where its row calls it a String; the type cells of the API pages'
// parameter tables spell a translated enum title's name as the rows' links
// do ([clonableTeamParts](...) where the title says ClonableTeamParts;
// [visibilitytype](...) shows no word case), and so does an enum literal; a
// learned word before a slash is read as "string/number" is.
func TestParameterTypesFromLiteralsLinksAndLearnedWords(t *testing.T) {
	translated := "---\nms.contentlocale: de-DE\n---\n"
	enum := func(title, anchor string, members ...string) string {
		md := translated + "# <a name=\"" + anchor + "-enum-type\"></a>" + title + " Enum-Typ\n\n## <a name=\"members\"></a>Elemente\n|Element|Wert|Beschreibung|\n|:--|:--|:--|\n"
		for i, m := range members {
			md += "|" + m + "|" + string(rune('0'+i)) + "|Qe.|\n"
		}
		return md
	}
	resource := func(name, rows, json string) string {
		return translated + "# <a name=\"" + name + "-resource-type\"></a>" + name + " Ressourcentyp\n\n## <a name=\"properties\"></a>Eigenschaften\n|Eigenschaft|Typ|Beschreibung|\n|:--|:--|:--|\n" + rows +
			"\n## <a name=\"json-representation\"></a>JSON\n<!-- {\"blockType\": \"resource\", \"keyProperty\": \"id\", \"@odata.type\": \"microsoft.graph." + name + "\"} -->\n```json\n" + json + "\n```\n"
	}
	api := func(syntax, rows string) string {
		return translated + "# Qo\n\n## <a name=\"http-request\"></a>HTTP-Anforderung\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\n" + syntax + "\n```\n\n" +
			"## <a name=\"function-parameters\"></a>Funktionsparameter\n|Parameter|Typ|Beschreibung|\n|:--|:--|:--|\n" + rows
	}
	s := resolveRaw(t, map[string]string{
		"resources/timezonestandard.md":  enum("Zeitzonenstandard", "timezonestandard", "windows", "iana"),
		"resources/visibility.md":        enum("Sichtbarkeit", "visibilitytype", "private", "public"),
		"resources/team.md":              resource("team", "|id|Zeichenkette|x|\n|visibility|[visibilityType](visibility.md)|x|\n", `{"id": "String"}`),
		"api/team-clone.md":              api("GET /users/{id}/cloneTeam(visibility={v})", "|visibility|[visibilitytype](../resources/visibility.md)|x|\n"),
		"resources/clonableteamparts.md": enum("ClonableTeamParts", "clonableteamparts", "apps", "tabs"),
		"resources/user.md":              resource("user", "|id|Zeichenkette|x|\n|mail|Zeichenkette|x|\n|name|Zeichenkette|x|\n", `{"id": "String", "mail": "String", "name": "String"}`),
		"api/user-get.md":                translated + "# Qo\n\n## <a name=\"http-request\"></a>HTTP-Anforderung\n\n```http\nGET /users/{id}\n```\n\n<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.user\" } -->\n```http\nHTTP/1.1 200 OK\n\n{\"id\": \"1\"}\n```\n",
		"api/user-zones.md":              api("GET /users/{id}/supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'{format}')", "|TimeZoneStandard|Zeichenkette|x|\n"),
		"api/user-clone.md":              api("GET /users/{id}/cloneParts(parts={parts},page={page})", "|parts|[clonableTeamParts](../resources/clonableteamparts.md)|x|\n|page|Zeichenkette/eine Nummer|x|\n"),
	})
	types := map[string]string{}
	for _, o := range s.Operations {
		for _, p := range o.Parameters {
			types[o.Name+"."+p.Name] = p.Type
		}
	}
	assert.Equal(t, "microsoft.graph.timeZoneStandard", types["supportedTimeZones.TimeZoneStandard"], "the literal spells the name the anchor gives in lower case: %v", s.Diagnostics)
	assert.Equal(t, "microsoft.graph.visibilityType", types["cloneTeam.visibility"], "a link in lower case shows no word case: the row's link gives it")
	assert.Equal(t, "microsoft.graph.clonableTeamParts", types["cloneParts.parts"], "%v", types)
	assert.Equal(t, "Edm.String", types["cloneParts.page"], "%v", types)
	mustType(t, s, "microsoft.graph.clonableTeamParts")
}

func TestEnumArgument(t *testing.T) {
	assert.Equal(t, "microsoft.graph.timeZoneStandard", enumArgument("supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'{f}')", "timezonestandard"))
	assert.Equal(t, "", enumArgument("f(x='microsoft.graph.a')", "x"), "a quoted string")
	assert.Equal(t, "", enumArgument("f(x=microsoft)", "x"))
	assert.Equal(t, "", enumArgument("f(y=a.b'c')", "x"))
}

// Where nothing names what an action returns, its response body's keys do:
// the one type whose properties (its bases' included) hold them all, the
// smallest where several do; two that tie give nothing.
func TestReturnTypeFromResponseKeys(t *testing.T) {
	resource := func(name, base string, rows ...string) string {
		md := "# " + name + " resource type\n\nNamespace: microsoft.graph\n\n"
		if base != "" {
			md += "Inherits from [" + base + "](" + base + ".md).\n\n"
		}
		md += "## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n"
		for _, r := range rows {
			md += "|" + r + "|String|x|\n"
		}
		return md
	}
	action := func(op, body string) string {
		return "# application: " + op + "\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\nPOST /applications/{id}/" + op + "\n```\n\n" +
			"## Response\n\nIf successful, this method returns a `200 OK` response code and a password object in the response body.\n\n" +
			"## Example\n\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n" + body + "\n```\n"
	}
	s := resolveRaw(t, map[string]string{
		"resources/application.md":        resource("application", "", "id"),
		"resources/passwordcredential.md": resource("passwordCredential", "", "keyId", "hint", "secretText"),
		"resources/keycredential.md":      resource("keyCredential", "", "keyId", "usage"),
		"resources/secretcredential.md":   resource("secretCredential", "passwordCredential", "extra"),
		"resources/twina.md":              resource("twinA", "", "left", "right"),
		"resources/twinb.md":              resource("twinB", "", "left", "right"),
		"api/application-list.md":         apiPage("List applications", "GET /applications", "a collection of [application](../resources/application.md) objects"),
		"api/application-addpassword.md":  action("addPassword", `{"keyId": "k", "hint": "h", "secretText": "s"}`),
		"api/application-addtwin.md":      action("addTwin", `{"left": "l", "right": "r"}`),
		"api/application-addkey.md":       action("addKey", `{"keyId": "k"}`),
	})
	byGo := operationsByGoName(s)
	add := byGo["ApplicationAddPassword"]
	require.NotNil(t, add)
	assert.Equal(t, &TypeRef{Type: "microsoft.graph.passwordCredential"}, add.Returns, "the base holds them all with fewer properties than secretCredential")
	require.NotNil(t, byGo["ApplicationAddTwin"])
	assert.Nil(t, byGo["ApplicationAddTwin"].Returns, "two types tie")
	require.NotNil(t, byGo["ApplicationAddKey"])
	assert.Nil(t, byGo["ApplicationAddKey"].Returns, "one key says too little")
}

// A request example that calls the page's function on a type its syntax
// does not bind it to documents that binding too (driveitem-search.md:
// the syntax searches a drive's root, an example the drive); another call
// on a binding the syntax has adds nothing.
func TestExampleBindsTheOperationElsewhere(t *testing.T) {
	search := "# driveItem: search\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\nGET /drives/{id}/root/search(q='{q}')\n```\n\n" +
		"## Response\n\nIf successful, this method returns a `200 OK` response code and a collection of [driveItem](../resources/driveitem.md) objects in the response body.\n\n" +
		"## Example\n\n<!-- { \"blockType\": \"request\", \"name\": \"a\" } -->\n```http\nGET /drives/{id}/root/search(q='budget')\n```\n\n" +
		"<!-- { \"blockType\": \"request\", \"name\": \"b\" } -->\n```http\nGET /drives/{id}/search(q='budget')\n```\n"
	s := resolveRaw(t, map[string]string{
		"resources/drive.md":      resourcePage("drive", "|root|[driveItem](driveitem.md)|x|\n|items|[driveItem](driveitem.md) collection|x|\n"),
		"resources/driveitem.md":  resourcePage("driveItem", ""),
		"api/drive-list.md":       apiPage("List drives", "GET /drives", "a collection of [drive](../resources/drive.md) objects"),
		"api/driveitem-search.md": search,
	})
	var bindings []string
	for _, o := range s.Operations {
		if o.Name == "search" {
			bindings = append(bindings, refString(o.Binding))
		}
	}
	assert.ElementsMatch(t, []string{"microsoft.graph.driveItem", "microsoft.graph.drive"}, bindings)
	var codes []string
	for _, d := range s.Diagnostics {
		codes = append(codes, d.Code)
	}
	assert.Contains(t, codes, "binding-from-example", "the user is told the binding came from an example")
}

// A GET of a bare segment no page lists as a property, named as the type
// the page returns, is a navigation to it, not a function
// (.../settings/shiftPreferences); one the folder calls with arguments
// elsewhere stays a function, whatever it returns (range, in a folder
// whose range type is named range).
func TestBareSegmentNamedAsItsTypeIsANavigation(t *testing.T) {
	s := resolveRaw(t, map[string]string{
		"resources/user.md":             resourcePage("user", "|settings|[userSettings](usersettings.md)|x|\n|sheet|[sheet](sheet.md)|x|\n"),
		"resources/usersettings.md":     resourcePage("userSettings", ""),
		"resources/shiftpreferences.md": resourcePage("shiftPreferences", ""),
		"resources/sheet.md":            resourcePage("sheet", ""),
		"resources/range.md":            resourcePage("range", ""),
		"api/user-list.md":              apiPage("List users", "GET /users", "a collection of [user](../resources/user.md) objects"),
		"api/shiftpreferences-get.md":   apiPage("Get shiftPreferences", "GET /users/{id}/settings/shiftPreferences", "a [shiftPreferences](../resources/shiftpreferences.md) object"),
		"api/sheet-range.md":            apiPage("sheet: range", "GET /users/{id}/sheet/range", "a [range](../resources/range.md) object"),
		"api/sheet-range-address.md":    apiPage("sheet: range at", "GET /users/{id}/sheet/range(address='{a}')", "a [range](../resources/range.md) object"),
	})
	kinds := map[string]OpKind{}
	for _, o := range s.Operations {
		kinds[o.GoName] = o.Kind
	}
	assert.Equal(t, OpGet, kinds["UserSettingsGetShiftPreferences"], "%v", kinds)
	assert.Equal(t, OpFunction, kinds["SheetRange"], "%v", kinds)
	assert.NotContains(t, kinds, "SheetGetRange", "the bare call is the function's too")
}

// A primitive's name joined to a learned collection phrase
// (Int32-Auflistung) is a collection of the primitive, not a type named
// Int32.
func TestPrimitiveNameWithALearnedCollectionPhrase(t *testing.T) {
	files := map[string]string{
		"resources/item.md": resourcePage("item", ""),
		"api/item-list.md":  apiPage("List items", "GET /items", "a collection of [item](../resources/item.md) objects"),
		"api/item-pick.md": "# item: pick\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\nPOST /items/pick\n```\n\n" +
			"## Request body\n\n|Parameter|Type|Description|\n|:--|:--|:--|\n|ids|Int32-Auflistung|x|\n",
	}
	for _, n := range []string{"a", "b", "c"} {
		files["resources/"+n+".md"] = "# " + n + " resource type\n\nNamespace: microsoft.graph\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|items|[item](item.md)-Auflistung|x|\n\n" +
			"## JSON representation\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph." + n + "\" } -->\n```json\n{\"items\": [{\"@odata.type\": \"microsoft.graph.item\"}]}\n```\n"
	}
	files["resources/d.md"] = "# d resource type\n\nNamespace: microsoft.graph\n\n## Relationships\n|Relationship|Type|Description|\n|:--|:--|:--|\n|things|[item](item.md)-Auflistung|x|\n"
	s := resolveRaw(t, files)
	pick := operationsByGoName(s)["ItemPick"]
	require.NotNil(t, pick)
	require.Len(t, pick.Parameters, 1)
	assert.Equal(t, "Edm.Int32", pick.Parameters[0].Type)
	assert.True(t, pick.Parameters[0].Collection)
}
