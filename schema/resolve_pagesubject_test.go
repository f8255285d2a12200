package schema

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A derived type's action documented through its base's path is bound to
// the type its page's file name names; a name that is not a derived type
// of what the path reaches changes nothing.
func TestPageSubjectBindsDerivedType(t *testing.T) {
	resource := func(name, base string) string {
		md := "# " + name + " resource type\n\nNamespace: microsoft.graph\n\n"
		if base != "" {
			md += "Inherits from [" + base + "](" + base + ".md).\n\n"
		}
		return md + "## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|id|String|x|\n" +
			"\n## JSON representation\n<!-- { \"blockType\": \"resource\", \"keyProperty\": \"id\", \"@odata.type\": \"microsoft.graph." + name + "\" } -->\n```json\n{\"id\": \"String\"}\n```\n"
	}
	s := resolveRaw(t, map[string]string{
		"resources/config.md":          resource("config", ""),
		"resources/wifi.md":            resource("wifi", "config"),
		"resources/vpn.md":             resource("vpn", "config"),
		"resources/other.md":           resource("other", ""),
		"api/config-list.md":           apiPage("List configs", "GET /configs", "a collection of [config](../resources/config.md) objects"),
		"api/config-assign.md":         apiPage("assign action", "POST /configs/{id}/assign", ""),
		"api/intune-wifi-assign.md":    apiPage("assign action", "POST /configs/{id}/assign", ""),
		"api/vpn-add-password.md":      apiPage("addPassword action", "POST /configs/{id}/addPassword", ""),
		"api/other-reset.md":           apiPage("reset action", "POST /configs/{id}/reset", ""),
		"api/wifi-collection-check.md": apiPage("check action", "POST /configs/check", ""),
	})
	bindings := map[string][]string{}
	for _, o := range s.Operations {
		if o.Kind == OpAction && o.Binding != nil {
			b := o.Binding.Type
			if o.Binding.Collection {
				b = "Collection(" + b + ")"
			}
			bindings[o.Name] = append(bindings[o.Name], b)
		}
	}
	assert.ElementsMatch(t, []string{"microsoft.graph.config", "microsoft.graph.wifi"}, bindings["assign"],
		"config-assign.md binds at the path's config, intune-wifi-assign.md at wifi")
	assert.Equal(t, []string{"microsoft.graph.vpn"}, bindings["addPassword"], "an operation name in several parts of the file name")
	assert.Equal(t, []string{"microsoft.graph.config"}, bindings["reset"], "other does not derive from config")
	assert.Equal(t, []string{"Collection(microsoft.graph.config)"}, bindings["check"], "the part before the name is collection, no type")
}
