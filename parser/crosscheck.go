// The cross-check against the JSON block: table names and types checked
// against the keys and placeholders of the type's JSON representation.

package parser

import (
	"strings"

	"github.com/docgen/graphgen/diag"
)

// crossCheck compares the table rows with the JSON block's keys: the keys
// are never translated or mangled, so they fix names the table lost, and
// keys the tables omit become properties too.
func (e *extractor) crossCheck(t *typeDraft) {
	if t.jsonBlock == nil {
		return
	}
	e.keyFromJSON(t)
	keys := newKeyIndex(t.jsonBlock)
	e.dropValueTables(t, keys)
	tableNames := map[string]bool{}
	var structural []*PropDoc
	for _, p := range t.Properties {
		tableNames[p.Name] = true
		if !p.Navigation {
			structural = append(structural, p)
		}
	}
	// The rows that name keys as written: the places the other rows are
	// judged by (a name a rule gave proves no place).
	written := map[*PropDoc]bool{}
	for _, p := range structural {
		written[p] = keys.has(p.Name)
	}
	e.renameFromKeys(t, structural, keys, tableNames)
	e.alignByNeighbours(t, structural, keys, tableNames)
	e.alignByWindow(t, structural, keys, tableNames, written)
	e.renameByKeyType(t, keys, tableNames)
	e.typesFromJSON(t, keys)
	e.jsonOnlyKeys(t, keys, tableNames)
}

// keyFromJSON: the pages' JSON templates mark the key as
// "String (identifier)".
func (e *extractor) keyFromJSON(t *typeDraft) {
	if id := t.jsonBlock.Get("id"); t.KeyProperty == "" && id != nil && id.Kind == JSONString &&
		strings.Contains(strings.ToLower(id.Str), "(identifier)") {
		t.KeyProperty = "id"
	}
}

// renameFromKeys settles table names that are the JSON keys spelled
// another way (case), or no names at all (translated): the key in the same
// place names them.
func (e *extractor) renameFromKeys(t *typeDraft, structural []*PropDoc, keys *keyIndex, tableNames map[string]bool) {
	for i, p := range structural {
		if keys.has(p.Name) {
			continue
		}
		if k, ok := keys.foldName(p.Name); ok {
			// One property spelled two ways. Property names are camelCase:
			// the table's spelling stands unless it starts upper-case where
			// the key does not (a translated table capitalises), or it is
			// all lower case where the key marks its words ("filename",
			// "fileName").
			if !tableNames[k] && (startsUpper(p.Name) && !startsUpper(k) || lostWords(p.Name, k)) {
				pos := e.pos(t.jsonOffset + keys.keyOffset(k))
				e.warn(p.Pos, diag.NameCase,
					"table names property %q, the JSON block at line %d names it %q; using the JSON name", p.Name, pos.Line, k)
				delete(tableNames, p.Name)
				p.Name, tableNames[k] = k, true
			}
			continue
		}
		// On a translated page a one-word name the JSON block lacks may
		// be a translation written in lower case ("empfangen" for
		// receive; a translation writes no displayName): the key in its
		// place names it when their types agree.
		if i < len(keys.list) && !tableNames[keys.list[i].Name] && IsIdentifier(keys.list[i].Name) &&
			(e.translatedName(p.Name) || e.page.Translated() && !hasInnerCapitals(p.Name) && e.sameKind(p.Type, keys.list[i].Value)) {
			k := keys.list[i].Name
			pos := e.pos(t.jsonOffset + keys.list[i].KeyOffset)
			e.warn(p.Pos, diag.NameFromJSON,
				"table name %q is not a property name; using %q, the JSON key in the same place (line %d)", p.Name, k, pos.Line)
			delete(tableNames, p.Name)
			p.renamed(k)
			tableNames[k] = true
		}
	}
}

// typesFromJSON refines table types by the JSON example: an unknown type
// takes the placeholder's, "String (double)" says which type a string
// carries, booleans and arrays say what the table left out.
func (e *extractor) typesFromJSON(t *typeDraft, keys *keyIndex) {
	for _, p := range t.Properties {
		v := keys.get(p.Name)
		carried := ""
		if v != nil {
			carried = e.stringOf(v)
		}
		if v != nil && p.Type.Primitive == "" && p.Type.Link == "" {
			// "String (ISO 8601 duration)" carries a Duration: what the
			// type word beside it means.
			p.JSONPrimitive = e.jsonPlaceholderType(v).Primitive
			if carried != "" {
				p.JSONPrimitive = carried
			}
			p.JSONTimestamp = p.JSONPrimitive == "Edm.DateTimeOffset" && timestampPlaceholder(v)
			if n := quotedNumber(v); n != "" {
				p.JSONPrimitive = n // "4.2": a number the page quoted
			}
		}
		if v != nil {
			p.InJSON, p.JSONArray = true, v.Kind == JSONArray
			p.JSONValues = e.jsonValueNames(v, p.Type)
		}
		switch {
		case v == nil:
		case !p.Type.Known():
			p.Type = e.jsonPlaceholderType(v)
			if carried != "" && !p.Type.Collection {
				p.Type.Primitive = carried // "String (ISO 8601 duration)"
			}
		case p.Type.Primitive == "Edm.String" && !p.Type.Collection && carried != "":
			// The table says String, the example "String (double)": the
			// parenthesis says which type the string carries.
			pos := e.pos(t.jsonOffset + v.Offset)
			e.warn(p.Pos, diag.TypeFromJSON,
				"table types %s as String, the JSON block (line %d) gives %q; using %s", p.Name, pos.Line, v.Str, carried)
			p.Type.Primitive = carried
		case p.Type.Primitive == "Edm.String" && !p.Type.Collection && v.Kind == JSONBool:
			// The table says String, the example says true: a String
			// placeholder is a string, so the example is the more specific.
			pos := e.pos(t.jsonOffset + v.Offset)
			e.warn(p.Pos, diag.TypeFromJSON,
				"table types %s as String, the JSON block (line %d) gives a boolean; using Boolean", p.Name, pos.Line)
			p.Type.Primitive = "Edm.Boolean"
		case !p.Type.Collection && v.Kind == JSONArray && p.Type.Known():
			// The table names one value, the example shows an array: the
			// table left out the word "collection".
			pos := e.pos(t.jsonOffset + v.Offset)
			e.warn(p.Pos, diag.TypeFromJSON,
				"table types %s as one value, the JSON block (line %d) gives an array; using a collection", p.Name, pos.Line)
			p.Type.Collection = true
		case e.IsAmbiguousNumber(strings.ToLower(strings.TrimSpace(p.Type.Raw))):
			// "numeric" says only that it is a number; "decimal" in the
			// example says which.
			if jt := e.jsonPlaceholderType(v); jt.Primitive != "" && jt.Primitive != "Edm.String" && v.Kind == JSONString {
				p.Type.Primitive = jt.Primitive
			}
		}
	}
}

// jsonOnlyKeys adds the JSON keys no table lists as properties (the
// resolver reports them, knowing whether a base declares them).
func (e *extractor) jsonOnlyKeys(t *typeDraft, keys *keyIndex, tableNames map[string]bool) {
	var folded map[string]bool // tableNames by foldCase, built when first asked
	for _, f := range keys.list {
		if tableNames[f.Name] || !IsIdentifier(f.Name) {
			continue
		}
		if folded == nil {
			folded = make(map[string]bool, len(tableNames))
			for n := range tableNames {
				folded[foldCase(n)] = true
			}
		}
		fold := foldCase(f.Name)
		if folded[fold] {
			continue // the same property, spelled differently in the table
		}
		pos := e.pos(t.jsonOffset + f.KeyOffset)
		typ := e.jsonPlaceholderType(f.Value)
		t.Properties = append(t.Properties, &PropDoc{Name: f.Name, Pos: pos, Type: typ, Nullable: true, FromJSON: true})
		tableNames[f.Name], folded[fold] = true, true
	}
}

// dropValueTables drops a further table in the Properties section whose
// names are mostly not JSON keys: it describes the values of a property
// ("Supported property data types": Binary, Boolean, ...; the kinds of a
// recurrence range), not properties. The first table always stands, and
// relationships, which JSON blocks often leave out, are not judged.
func (e *extractor) dropValueTables(t *typeDraft, keys *keyIndex) {
	if len(keys.list) == 0 {
		return
	}
	first := 0
	names, inJSON := map[int]int{}, map[int]int{}
	for _, p := range t.Properties {
		if p.Navigation || t.rows[p].table == 0 || t.rows[p].inheritedTable || !IsIdentifier(p.Name) {
			continue
		}
		if first == 0 {
			first = t.rows[p].table
		}
		names[t.rows[p].table]++
		if keys.has(p.Name) || keys.hasFold(p.Name) {
			inJSON[t.rows[p].table]++
		}
	}
	drop := map[int]bool{}
	for table, n := range names {
		if table != first && n >= 2 && inJSON[table]*2 < n {
			drop[table] = true
		}
	}
	if len(drop) == 0 {
		return
	}
	kept := t.Properties[:0]
	reported := map[int]bool{}
	for _, p := range t.Properties {
		if !drop[t.rows[p].table] || p.Navigation {
			kept = append(kept, p)
			continue
		}
		if !reported[t.rows[p].table] {
			reported[t.rows[p].table] = true
			e.warn(p.Pos, diag.ValueTable,
				"the table from here lists names the JSON representation does not have (%d of %d); read as a table of values, not properties", names[t.rows[p].table]-inJSON[t.rows[p].table], names[t.rows[p].table])
		}
	}
	t.Properties = kept
}

// stringOf reads the Edm type of a "String (double)" placeholder whose
// parenthesis names a primitive other than String, or "". "String
// (timestamp)" does not count: it is the placeholder pages copy most, and
// on a String row it is a copy (an id, a displayName), never the type.
func (w words) stringOf(v *JSONValue) string {
	if v.Kind != JSONString {
		return ""
	}
	low := strings.ToLower(strings.TrimSpace(v.Str))
	inner, ok := strings.CutPrefix(low, "string (")
	if !ok || !strings.HasSuffix(inner, ")") {
		return ""
	}
	inner = strings.TrimSuffix(inner, ")")
	switch inner {
	case "timestamp":
		return ""
	case "iso 8601 duration":
		return "Edm.Duration"
	case "time of day":
		return "Edm.TimeOfDay"
	}
	if prim, _ := w.Primitive(inner); prim != "" && prim != "Edm.String" {
		return prim
	}
	return ""
}

// sameKind reports a table type and a JSON example value that agree: the
// same named type, or both numbers, strings or booleans.
func (e *extractor) sameKind(t TypeExpr, v *JSONValue) bool {
	jt := e.jsonPlaceholderType(v)
	switch {
	case t.Name != "" && jt.Name != "":
		return strings.EqualFold(ShortName(t.Name), ShortName(jt.Name)) && t.Collection == jt.Collection
	case t.Primitive == "" || jt.Primitive == "" || t.Collection != jt.Collection:
		return false
	case t.Primitive == jt.Primitive:
		return true
	}
	return numeric(t.Primitive) && numeric(jt.Primitive)
}

func numeric(edm string) bool {
	switch edm {
	case "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Byte", "Edm.SByte", "Edm.Double", "Edm.Single", "Edm.Decimal":
		return true
	}
	return false
}

// renameByKeyType gives a translated row name (navigation rows too, which
// have no place in the JSON block's order) the one unclaimed JSON key whose
// value is of the row's linked type: "Anlagen | [attachment]-Sammlung" is
// "attachments": [{"@odata.type": "microsoft.graph.attachment"}].
func (e *extractor) renameByKeyType(t *typeDraft, keys *keyIndex, tableNames map[string]bool) {
	var typed *typedKeys // built for the first row that asks
	for _, p := range t.Properties {
		if !e.translatedName(p.Name) || p.Type.Link == "" {
			continue
		}
		// The link's text names the type, or else its page does: a
		// translated text ([订阅][] for subscription.md) keeps no name.
		typ := ShortName(p.Type.Name)
		if typ == "" {
			if typ = fileNameTail(p.Type.Link); !IsIdentifier(typ) {
				continue
			}
		}
		if typed == nil {
			typed = e.newTypedKeys(keys, tableNames)
		}
		at := typed.one(typ)
		if at < 0 {
			continue
		}
		found := &keys.list[at]
		pos := e.pos(t.jsonOffset + found.KeyOffset)
		e.warn(p.Pos, diag.NameFromJSON,
			"table name %q is not a property name; using %q, the one JSON key of its type %s (line %d)", p.Name, found.Name, typ, pos.Line)
		if tableNames[p.Name] {
			delete(tableNames, p.Name)
			typed.claimed(p.Name, false)
		}
		p.renamed(found.Name)
		if !tableNames[found.Name] {
			tableNames[found.Name] = true
			typed.claimed(found.Name, true)
		}
	}
}

// alignByWindow gives a run of translated rows the unclaimed JSON keys
// that stand between their neighbours' keys, in order, when the run and
// the keys are as many: "shipmentMethodId | gesperrt | Ausgleich |
// overdueAmount" against "shipmentMethodId", "blocked", "balance",
// "overdueAmount". The neighbours are the nearest rows before and after
// the run that name keys (of those before, the latest key; of those after,
// the earliest); a row may be a translation written like a name
// ("gesperrt") on a translated page, and no pair's types may disagree.
func (e *extractor) alignByWindow(t *typeDraft, rows []*PropDoc, keys *keyIndex, claimed map[string]bool, written map[*PropDoc]bool) {
	candidate := func(p *PropDoc) bool {
		return !keys.has(p.Name) && (e.translatedName(p.Name) || e.page.Translated() && IsIdentifier(p.Name) && !hasInnerCapitals(p.Name))
	}
	if !sameOrder(rows, keys, written) {
		return // the table and the block list the keys in other orders: a place says nothing
	}
	for i := 0; i < len(rows); {
		if !candidate(rows[i]) {
			i++
			continue
		}
		end := i
		for end < len(rows) && candidate(rows[end]) {
			end++
		}
		run := rows[i:end]
		i = end
		lo, hi := -1, len(keys.list)
		for _, p := range rows[:i-len(run)] {
			if at, ok := keys.first[p.Name]; ok && written[p] && at > lo {
				lo = at
			}
		}
		for _, p := range rows[end:] {
			if at, ok := keys.first[p.Name]; ok && written[p] && at < hi {
				hi = at
			}
		}
		var window []int
		for at := lo + 1; at < hi; at++ {
			if k := keys.list[at]; !claimed[k.Name] && IsIdentifier(k.Name) && keys.first[k.Name] == at {
				window = append(window, at)
			}
		}
		if len(window) != len(run) || lo >= hi {
			continue
		}
		agree := true
		for n, p := range run {
			agree = agree && e.mayBe(p.Type, keys.list[window[n]].Value)
		}
		if !agree {
			continue
		}
		for n, p := range run {
			k := keys.list[window[n]]
			pos := e.pos(t.jsonOffset + k.KeyOffset)
			e.warn(p.Pos, diag.NameFromJSON,
				"table name %q is not a property name; using %q, the JSON key (line %d) that stands where it does between its neighbours", p.Name, k.Name, pos.Line)
			delete(claimed, p.Name)
			p.renamed(k.Name)
			claimed[k.Name] = true
		}
	}
}

// sameOrder reports a table whose rows that name keys as written (three
// or more) follow the JSON block's order, but for one pair in five at
// most.
func sameOrder(rows []*PropDoc, keys *keyIndex, written map[*PropDoc]bool) bool {
	last, pairs, ordered := -1, 0, 0
	for _, p := range rows {
		at, ok := keys.first[p.Name]
		if !ok || !written[p] {
			continue
		}
		if last >= 0 {
			pairs++
			if at > last {
				ordered++
			}
		}
		last = at
	}
	return pairs >= 2 && ordered*5 >= pairs*4
}

// mayBe reports a table type that a JSON example value does not
// contradict: either is unknown (a word no data file knows, an empty
// placeholder), or both name the same type (by the link's page where its
// text is no name) or the same kind of primitive.
func (e *extractor) mayBe(t TypeExpr, v *JSONValue) bool {
	jt := e.jsonPlaceholderType(v)
	if t.Primitive == "" && t.Link == "" || jt.Primitive == "" && jt.Name == "" {
		return true
	}
	if t.Name == "" && t.Link != "" {
		t.Name = fileNameTail(t.Link)
	}
	return e.sameKind(t, v)
}

// alignByNeighbours gives a translated row name the JSON key that fits
// between its neighbours: property tables are in alphabetical order more
// often than JSON blocks are, so a row standing between isValidationOnly
// and requestState is the one unclaimed key that sorts between them
// (justification), when exactly one does and its type does not disagree.
func (e *extractor) alignByNeighbours(t *typeDraft, rows []*PropDoc, keys *keyIndex, claimed map[string]bool) {
	translated := make([]bool, len(rows))
	some := false
	for i, p := range rows {
		translated[i] = e.translatedName(p.Name)
		some = some || translated[i]
	}
	if !some {
		return
	}
	// next[i] is the nearest row after i whose name is not translated
	// (-1: none): a row is renamed only in its own turn, so the rows after
	// it still have the names this pass started with.
	next := make([]int, len(rows))
	for i, after := len(rows)-1, -1; i >= 0; i-- {
		next[i] = after
		if !translated[i] {
			after = i
		}
	}
	var sorted *sortedKeys // built for the first row that asks
	before := -1           // the nearest row before whose name, as it now stands, is not translated
	for i, p := range rows {
		if !translated[i] {
			before = i
			continue
		}
		lo, hi := "", "\xff"
		if before >= 0 {
			lo = strings.ToLower(rows[before].Name)
		}
		if next[i] >= 0 {
			hi = strings.ToLower(rows[next[i]].Name)
		}
		if lo >= hi {
			continue // not in alphabetical order here
		}
		if sorted == nil {
			sorted = newSortedKeys(keys, claimed)
		}
		at := sorted.between(lo, hi)
		if at < 0 {
			continue
		}
		k := keys.list[at]
		if jt := e.jsonPlaceholderType(k.Value); p.Type.Primitive != "" && jt.Primitive != "" && jt.Primitive != p.Type.Primitive {
			continue
		}
		pos := e.pos(t.jsonOffset + k.KeyOffset)
		e.warn(p.Pos, diag.NameFromJSON,
			"table name %q is not a property name; using %q, the one JSON key (line %d) that sorts between its neighbours", p.Name, k.Name, pos.Line)
		if claimed[p.Name] {
			delete(claimed, p.Name)
			sorted.claimed(p.Name, false)
		}
		p.renamed(k.Name)
		if !claimed[k.Name] {
			claimed[k.Name] = true
			sorted.claimed(k.Name, true)
		}
		if !e.translatedName(p.Name) {
			before = i
		}
	}
}
