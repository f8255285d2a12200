package runtime

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every kind of field changed on a clone leaves the original as it was,
// and a clone is equal to what it was cloned from.
func TestCloneIsDeep(t *testing.T) {
	var orig Item
	require.NoError(t, json.Unmarshal([]byte(everyKind), &orig))
	require.NoError(t, SetNull(&orig, &orig.Small))
	before, err := json.Marshal(orig)
	require.NoError(t, err)

	c := orig.Clone()
	assert.Equal(t, orig, c)
	*c.ID = "changed"
	*c.Name = "changed"
	c.Tags[0] = "changed"
	*c.Size = 1
	*c.Ratio = 9
	*c.When = c.When.AddDate(1, 0, 0)
	c.Day.Year = 1999
	c.Period.Duration = 1
	c.Blob[0] = 'X'
	c.Raw[8] = '7' // {"any":[7,...
	*c.Color = ColorGreen
	c.Colors[0] = "changed"
	*c.Main.Label = "changed"
	*c.Parts[0].Label = "changed"
	c.Parts[2].SetAdditionalData("new", json.RawMessage(`1`))
	*c.Child.(*Special).Level = 99
	*c.Children[0].AsItem().Name = "changed"
	*c.Related.ID = "changed"
	c.Numbers[0] = 99
	c.SetAdditionalData("unknownProperty", json.RawMessage(`0`))
	require.NoError(t, ClearNull(&c, &c.Small))
	require.NoError(t, SetNull(&c, &c.Big))

	after, err := json.Marshal(orig)
	require.NoError(t, err)
	assert.Equal(t, string(before), string(after), "the original is untouched")
	changed, err := json.Marshal(c)
	require.NoError(t, err)
	assert.NotEqual(t, string(before), string(changed))
	// A derived value cloned through its own method, and nil things stay nil.
	s := Special{Level: Ptr(int32(1))}
	sc := s.Clone()
	*sc.Level = 2
	assert.Equal(t, int32(1), *s.Level)
	assert.Nil(t, sc.Tags)
}

func TestPatchBody(t *testing.T) {
	var before Item
	var de *DecodeError // ratio is kept as it came, and is no change
	require.ErrorAs(t, json.Unmarshal([]byte(`{"id":"1","name":"A","size":3,"tags":["x"],"main":{"label":"m"},"related":{"id":"r"},"extra":1,"ratio":"bad"}`), &before), &de)
	after := before.Clone()
	after.Name = Ptr("B")    // changed
	after.Tags = []string{}  // cleared: []
	*after.Main.Label = "m2" // a complex value: sent whole
	after.Related = &Item{}  // navigation: never sent
	after.Size = nil         // nil: not part of the change
	require.NoError(t, SetNull(&after, &after.Done))
	after.SetAdditionalData("extra", json.RawMessage(`2`))
	after.SetAdditionalData("added", json.RawMessage(`"new"`))
	body, err := PatchBody(&before, &after)
	require.NoError(t, err)
	assert.Equal(t, `{"name":"B","tags":[],"done":null,"main":{"label":"m2"},"added":"new","extra":2}`, string(body))

	// A fresh struct with one field set sends that field alone.
	body, err = PatchBody(&before, &Item{Name: Ptr("only")})
	require.NoError(t, err)
	assert.Equal(t, `{"name":"only"}`, string(body))
	// Nothing changed: an empty body; null already null is no change.
	same := before.Clone()
	body, err = PatchBody(&before, &same)
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(body))
	require.NoError(t, SetNull(&before, &before.Done))
	body, err = PatchBody(&before, &after)
	require.NoError(t, err)
	assert.NotContains(t, string(body), "done")

	_, err = PatchBody[Item](nil, &after)
	assert.Error(t, err)
	_, err = PatchBody(new(struct{ A int }), new(struct{ A int }))
	assert.Error(t, err)
}
