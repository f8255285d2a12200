package schema

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLowerIntoIsToLower(t *testing.T) {
	for _, s := range []string{"", "user.md", "Microsoft.Graph.aadUserConversationMember", "intune-devices-DeviceType.md#Members",
		"Тоталлиценсескаунт", "ÄÖÜ-Straße", "İstanbul", "x\xffY"} {
		assert.Equal(t, strings.ToLower(s), string(lowerInto(nil, s)), s)
	}
}
