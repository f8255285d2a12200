// Look-up tables over a JSON block's keys for the cross-check: each
// question the cross-check asks of the keys (this name? this name in
// another case? the one unclaimed key that sorts between two names? the
// one unclaimed key of a type?) is answered without reading every key, so
// that a page is read in time linear in its rows and keys (n log n for
// the sorted look-up).

package parser

import (
	"sort"
	"strings"
)

// keyIndex holds the JSON block's property keys (annotations left out) in
// order, and where each name first stands.
type keyIndex struct {
	block *JSONValue
	list  []JSONField
	first map[string]int // a name => its first place in list
	// Built when first asked:
	fold  map[string]int        // foldCase of a name => the first place of a key with it
	other map[string]*JSONValue // the members list leaves out => the first one's value
}

func newKeyIndex(block *JSONValue) *keyIndex {
	k := &keyIndex{block: block, first: make(map[string]int, len(block.Keys))}
	for _, f := range block.Keys {
		if !propertyKey(f.Name) {
			continue
		}
		if _, ok := k.first[f.Name]; !ok {
			k.first[f.Name] = len(k.list)
		}
		k.list = append(k.list, f)
	}
	return k
}

// propertyKey reports a member of the block that names a property: not
// empty, and no annotation ("@odata.type", "name@odata.type").
func propertyKey(name string) bool { return name != "" && !strings.ContainsAny(name, "@") }

// has reports a key of exactly this name.
func (k *keyIndex) has(name string) bool {
	_, ok := k.first[name]
	return ok
}

// foldName returns the first key (in the block's order) that is name but
// for case (strings.EqualFold).
func (k *keyIndex) foldName(name string) (string, bool) {
	if k.fold == nil {
		k.fold = make(map[string]int, len(k.list))
		for at, f := range k.list {
			fold := foldCase(f.Name)
			if _, ok := k.fold[fold]; !ok {
				k.fold[fold] = at
			}
		}
	}
	at, ok := k.fold[foldCase(name)]
	if !ok {
		return "", false
	}
	return k.list[at].Name, true
}

// hasFold reports a key that is name but for case.
func (k *keyIndex) hasFold(name string) bool {
	_, ok := k.foldName(name)
	return ok
}

// keyOffset returns where the first key of this name stands in the block
// (0 when none does).
func (k *keyIndex) keyOffset(name string) int {
	if at, ok := k.first[name]; ok {
		return k.list[at].KeyOffset
	}
	return 0
}

// get returns the value of the block's first member of this name, or nil,
// as JSONValue.Get does: the members of one name are all in list or all
// left out.
func (k *keyIndex) get(name string) *JSONValue {
	if propertyKey(name) {
		if at, ok := k.first[name]; ok {
			return k.list[at].Value
		}
		return nil
	}
	if k.other == nil {
		k.other = map[string]*JSONValue{}
		for _, f := range k.block.Keys {
			if _, ok := k.other[f.Name]; !ok && !propertyKey(f.Name) {
				k.other[f.Name] = f.Value
			}
		}
	}
	return k.other[name]
}

// sortedKeys answers alignByNeighbours: the unclaimed keys (those that
// are identifiers) whose lower case sorts strictly between two names. It
// keeps the distinct names in lower-case order and, in a Fenwick tree, how
// many places each unclaimed name has in the block (0 once claimed), so a
// range is counted and its one key found in log time.
type sortedKeys struct {
	lower []string       // the distinct identifier key names in lower case, sorted
	count []int          // how many places each name has in the block
	place []int          // the first of them, in keyIndex.list
	at    map[string]int // a name => its index in lower
	free  fenwick
}

func newSortedKeys(keys *keyIndex, claimed map[string]bool) *sortedKeys {
	type entry struct {
		name, lower  string
		count, place int
	}
	var entries []entry
	seen := map[string]int{}
	for i, f := range keys.list {
		if !IsIdentifier(f.Name) {
			continue
		}
		if n, ok := seen[f.Name]; ok {
			entries[n].count++
			continue
		}
		seen[f.Name] = len(entries)
		entries = append(entries, entry{name: f.Name, lower: strings.ToLower(f.Name), count: 1, place: i})
	}
	sort.SliceStable(entries, func(a, b int) bool { return entries[a].lower < entries[b].lower })
	s := &sortedKeys{at: seen, free: newFenwick(len(entries))}
	for n, en := range entries {
		s.lower = append(s.lower, en.lower)
		s.count = append(s.count, en.count)
		s.place = append(s.place, en.place)
		s.at[en.name] = n
		if !claimed[en.name] {
			s.free.add(n, en.count)
		}
	}
	return s
}

// between returns the place in keyIndex.list of the one unclaimed key
// whose lower case sorts strictly between lo and hi, or -1 when none or
// more than one does.
func (s *sortedKeys) between(lo, hi string) int {
	from := sort.Search(len(s.lower), func(i int) bool { return s.lower[i] > lo })
	to := sort.Search(len(s.lower), func(i int) bool { return s.lower[i] >= hi })
	if from >= to {
		return -1
	}
	before := s.free.sum(from)
	if s.free.sum(to)-before != 1 {
		return -1
	}
	return s.place[s.free.search(before+1)]
}

// claimed records that name was claimed (claimed true) or released.
func (s *sortedKeys) claimed(name string, claimed bool) {
	n, ok := s.at[name]
	if !ok {
		return
	}
	if claimed {
		s.free.add(n, -s.count[n])
	} else {
		s.free.add(n, s.count[n])
	}
}

// fenwick is a Fenwick (binary indexed) tree of counts: add and prefix
// sums in log time.
type fenwick []int

func newFenwick(n int) fenwick { return make(fenwick, n+1) }

// add adds d to the count at i (from 0).
func (f fenwick) add(i, d int) {
	for i++; i < len(f); i += i & -i {
		f[i] += d
	}
}

// sum returns the sum of the counts before i.
func (f fenwick) sum(i int) int {
	s := 0
	for ; i > 0; i -= i & -i {
		s += f[i]
	}
	return s
}

// search returns the least i whose counts up to and including i sum to at
// least target (counts are never negative).
func (f fenwick) search(target int) int {
	pos, step := 0, 1
	for step*2 < len(f) {
		step *= 2
	}
	for ; step > 0; step /= 2 {
		if next := pos + step; next < len(f) && f[next] < target {
			pos = next
			target -= f[next]
		}
	}
	return pos // the answer is pos+1 counted from 1, pos counted from 0
}

// typedKeys answers renameByKeyType: the one unclaimed key (an
// identifier) whose example value is an object of a given type. Per type
// (its short name, folded) it counts the places of unclaimed keys and sums
// them: when the count is 1 the sum is that key's place.
type typedKeys struct {
	free   map[string]int
	places map[string]int
	byName map[string][]typedName // a key name => the types its places have
}

// typedName is the places one key name has with one type.
type typedName struct {
	typ           string
	count, places int
}

func (e *extractor) newTypedKeys(keys *keyIndex, claimed map[string]bool) *typedKeys {
	tk := &typedKeys{free: map[string]int{}, places: map[string]int{}, byName: map[string][]typedName{}}
	seen := map[[2]string]int{} // name and type => index in byName[name]
	for i, k := range keys.list {
		if !IsIdentifier(k.Name) {
			continue
		}
		kt := e.jsonPlaceholderType(k.Value)
		if kt.Name == "" {
			continue
		}
		typ := foldCase(ShortName(kt.Name))
		j, ok := seen[[2]string{k.Name, typ}]
		if !ok {
			j = len(tk.byName[k.Name])
			seen[[2]string{k.Name, typ}] = j
			tk.byName[k.Name] = append(tk.byName[k.Name], typedName{typ: typ})
		}
		tk.byName[k.Name][j].count++
		tk.byName[k.Name][j].places += i
		if !claimed[k.Name] {
			tk.free[typ]++
			tk.places[typ] += i
		}
	}
	return tk
}

// one returns the place of the one unclaimed key whose value is of type
// typ (a short name), or -1 when none or more than one is.
func (tk *typedKeys) one(typ string) int {
	typ = foldCase(typ)
	if tk.free[typ] != 1 {
		return -1
	}
	return tk.places[typ]
}

// claimed records that name was claimed (claimed true) or released.
func (tk *typedKeys) claimed(name string, claimed bool) {
	sign := 1
	if claimed {
		sign = -1
	}
	for _, n := range tk.byName[name] {
		tk.free[n.typ] += sign * n.count
		tk.places[n.typ] += sign * n.places
	}
}
