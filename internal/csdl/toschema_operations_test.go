package csdl

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/schema"
)

// The schema of a CSDL holds its actions and functions as operations
// (each overload one, named as pages name them) and its entity sets and
// singletons as entry points; an import is its unbound operation already.
func TestSchemaHoldsOperationsAndEntryPoints(t *testing.T) {
	m, _ := readFile(t, "lending.xml")
	require.NotNil(t, m)
	s := m.Schema()
	byGo := map[string]*schema.Operation{}
	for _, o := range s.Operations {
		byGo[o.GoName] = o
	}
	require.Len(t, s.Operations, 4, "%v", byGo)

	send := byGo["UserSendMail"]
	require.NotNil(t, send)
	assert.Equal(t, "sendMail", send.Name)
	assert.Equal(t, schema.OpAction, send.Kind)
	assert.Equal(t, &schema.TypeRef{Type: "microsoft.graph.user"}, send.Binding)
	assert.Nil(t, send.Returns)
	require.Len(t, send.Parameters, 2)
	assert.Equal(t, &schema.Parameter{Name: "Message", Type: "microsoft.graph.address", GoName: "Message", Source: "testdata/lending.xml:41"}, send.Parameters[0],
		"Nullable says nothing of required: left unset")
	assert.Equal(t, "testdata/lending.xml:41", send.Source)
	assert.Nil(t, send.Permissions)
	assert.Empty(t, send.Requests)

	delta := byGo["UserDelta"]
	require.NotNil(t, delta)
	assert.Equal(t, schema.OpFunction, delta.Kind)
	assert.Equal(t, &schema.TypeRef{Type: "microsoft.graph.user", Collection: true}, delta.Binding)
	assert.Equal(t, &schema.TypeRef{Type: "microsoft.graph.user", Collection: true}, delta.Returns)

	loanDelta := byGo["LendingLoanDelta"]
	require.NotNil(t, loanDelta, "the other overload, bound to a loan: %v", byGo)
	assert.Equal(t, "token", loanDelta.Parameters[0].Name)

	today := byGo["Today"]
	require.NotNil(t, today)
	assert.Nil(t, today.Binding)
	assert.Equal(t, &schema.TypeRef{Type: "Edm.Date"}, today.Returns)

	assert.Equal(t, []*schema.EntryPoint{
		{Name: "me", Kind: schema.Singleton, Type: "microsoft.graph.user", Source: "testdata/lending.xml:62"},
		{Name: "users", Kind: schema.EntitySet, Type: "microsoft.graph.user", Source: "testdata/lending.xml:59"},
	}, s.EntryPoints, "sorted by name; the function import is the operation today")

	// Type names are as without operations.
	assert.Equal(t, "User", s.Lookup("microsoft.graph.user").GoName)
}
