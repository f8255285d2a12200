// Tests of what the shape of an entry point's paths says of it.

package schema

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func entryKinds(s *Schema) map[string]string {
	out := map[string]string{}
	for _, ep := range s.EntryPoints {
		out[ep.Name] = ep.Kind + " " + ep.Type
	}
	return out
}

// resourceWithBase is resourcePage with a base type.
func resourceWithBase(name, base, rels string) string {
	md := resourcePage(name, rels)
	if base != "" {
		md = "# " + name + " resource type\n\nNamespace: microsoft.graph\n\nInherits from [" + base + "](" + base + ".md).\n\n" + md[len("# "+name+" resource type\n\nNamespace: microsoft.graph\n\n"):]
	}
	return md
}

func TestEntryPointShapes(t *testing.T) {
	s := resolveRaw(t, map[string]string{
		"resources/access.md":   resourcePage("access", "|resources|[thing](thing.md) collection|x|\n|roleSettings|[thing](thing.md) collection|x|\n"),
		"resources/thing.md":    resourcePage("thing", "|things|[thing](thing.md) collection|x|\n"),
		"resources/rbac.md":     resourcePage("rbac", "|roleDefinitions|[thing](thing.md) collection|x|\n"),
		"resources/roleRoot.md": resourcePage("roleRoot", "|directory|[rbac](rbac.md)|x|\n"),
		"resources/place.md":    resourcePage("place", ""),
		"resources/room.md":     resourceWithBase("room", "place", ""),
		"resources/roomList.md": resourceWithBase("roomList", "place", ""),
		"resources/user.md":     resourcePage("user", "|calendars|[thing](thing.md) collection|x|\n|events|[thing](thing.md) collection|x|\n"),
		// A key written as a word, followed by two of the type's navigation properties.
		"api/access-resources.md": apiPage("List resources", "GET /access/azureResources/resources", "a collection of [thing](../resources/thing.md) objects"),
		"api/access-settings.md":  apiPage("List settings", "GET /access/azureResources/roleSettings", "a collection of [thing](../resources/thing.md) objects"),
		// A key that stands for a property's name, on a singleton a page gets.
		"api/role-get.md":  apiPage("Get roleRoot", "GET /roleRoot", "a [roleRoot](../resources/roleroot.md) object"),
		"api/role-defs.md": apiPage("List definitions", "GET /roleRoot/{rbacApplication}/roleDefinitions", "a collection of [thing](../resources/thing.md) objects"),
		// An example that names a derived type; paths that cast to two.
		"api/place-get.md":   apiPage("Get place", "GET /places/{id}", "a [room](../resources/room.md) object"),
		"api/place-rooms.md": apiPage("List rooms", "GET /places/microsoft.graph.room", "a collection of [room](../resources/room.md) objects"),
		"api/place-lists.md": apiPage("List room lists", "GET /places/microsoft.graph.roomList", "a collection of [roomList](../resources/roomlist.md) objects"),
		// A misspelt property followed by one navigation property: no key.
		"api/me-cals.md":   apiPage("List calendars", "GET /me/calendarGroup/calendars", "a collection of [thing](../resources/thing.md) objects"),
		"api/me-events.md": apiPage("List events", "GET /me/events", "a collection of [thing](../resources/thing.md) objects"),
		"api/me-cal.md":    apiPage("List my calendars", "GET /me/calendars", "a collection of [thing](../resources/thing.md) objects"),
	})
	got := entryKinds(s)
	assert.Equal(t, "entityset microsoft.graph.access", got["access"], "%v", got)
	assert.Equal(t, "singleton microsoft.graph.roleRoot", got["roleRoot"], "%v", got)
	assert.Equal(t, "entityset microsoft.graph.place", got["places"], "%v", got)
	assert.Equal(t, "singleton microsoft.graph.user", got["me"], "%v", got)
}

func TestTypeWithPropertiesPrefersTheEntryName(t *testing.T) {
	s := resolveRaw(t, map[string]string{
		"resources/profile.md": resourcePage("publishingProfile", "|agents|[agent](agent.md) collection|x|\n"),
		"resources/group.md":   resourcePage("agentGroup", "|agents|[agent](agent.md) collection|x|\n"),
		"resources/agent.md":   resourcePage("agent", ""),
		"api/agents-list.md":   apiPage("List agents", "GET /publishingProfiles/{publishingType}/agents", "a collection of [agent](../resources/agent.md) objects"),
	})
	got := entryKinds(s)
	require.Contains(t, got, "publishingProfiles")
	assert.Equal(t, "entityset microsoft.graph.publishingProfile", got["publishingProfiles"])
}
