package naming

import (
	"fmt"
	"go/token"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPascal(t *testing.T) {
	cases := map[string]string{
		"totalLicensesCount": "TotalLicensesCount",
		"id":                 "ID",
		"webUrl":             "WebURL",
		"ipAddress":          "IPAddress",
		"userId":             "UserID",
		"mobileSMS":          "MobileSMS",
		"osVersion":          "OSVersion",
		"HTTPServer":         "HTTPServer",
		"ipv4Address":        "Ipv4Address",
		"3dModel":            "X3dModel",
		"@odata.etag":        "OdataEtag",
		"content-type":       "ContentType",
		"snake_case_name":    "SnakeCaseName",
		"тоталлиценсескаунт": "Тоталлиценсескаунт",
		"名前":                 "X名前",
		"":                   "X",
		"@":                  "X",
		"type":               "Type",
		"string":             "String",
		// A plural initialism keeps the initialism's case; a word that is
		// itself an initialism ending in s is untouched.
		"sharepointIds":    "SharepointIDs",
		"edgeHomepageUrls": "EdgeHomepageURLs",
		"userIds":          "UserIDs",
		"identifierUris":   "IdentifierURIs",
		"ips":              "IPs",
		"apis":             "APIs",
		"usesHttps":        "UsesHTTPS",
		"eapTtls":          "EapTTLS",
		"ideas":            "Ideas",
		"ids":              "IDs",
	}
	for in, want := range cases {
		assert.Equal(t, want, Pascal(in), in)
	}
}

func TestTypeName(t *testing.T) {
	assert.Equal(t, "VppTokenRevokeLicensesActionResult", TypeName("microsoft.graph.vppTokenRevokeLicensesActionResult"))
	assert.Equal(t, "CallRecordsEndpoint", TypeName("microsoft.graph.callRecords.endpoint"))
	assert.Equal(t, "TermStoreSet", TypeName("microsoft.graph.termStore.set"))
	assert.Equal(t, "User", TypeName("Microsoft.Graph.user"))
	assert.Equal(t, "Thing", TypeName("thing"))
}

func TestFileName(t *testing.T) {
	assert.Equal(t, "vpp_token_action_result.go", FileName("VppTokenActionResult"))
	assert.Equal(t, "ip_address.go", FileName("IPAddress"))
	// Names the go tool would read as build constraints or tests.
	assert.Equal(t, "device_windows_model.go", FileName("DeviceWindows"))
	assert.Equal(t, "app_linux_model.go", FileName("AppLinux"))
	assert.Equal(t, "cpu_amd64_model.go", FileName("CPUAmd64"))
	assert.Equal(t, "unit_test_model.go", FileName("UnitTest"))
	assert.Equal(t, "windows.go", FileName("Windows"), "a single word is no constraint")
}

func TestScope(t *testing.T) {
	s := NewScope("Date")
	assert.Equal(t, "Date2", s.Claim("Date"))
	assert.Equal(t, "Date3", s.Claim("Date"))
	assert.Equal(t, "User", s.Claim("User"))
	assert.True(t, s.Taken("User"))
	f := NewFoldScope("doc.go")
	assert.Equal(t, "doc_2.go", f.Claim("doc.go"))
	assert.Equal(t, "chart.go", f.Claim("chart.go"))
	assert.Equal(t, "Chart_2.go", f.Claim("Chart.go"), "file names differing only in case collide on some systems")
}

func TestReservedWords(t *testing.T) {
	for _, w := range []string{"type", "func", "string", "error", "len", "any", "nil"} {
		assert.True(t, isReserved(w), w)
	}
	assert.False(t, isReserved("user"))
}

func TestClaimOrderDependsOnTheNamesAlone(t *testing.T) {
	order := func(names ...string) []string {
		ClaimOrder(names, func(s string) string { return s })
		return names
	}
	want := []string{"queryString", "QueryString", "query_string"}
	assert.Equal(t, want, order("query_string", "QueryString", "queryString"))
	assert.Equal(t, want, order("QueryString", "queryString", "query_string"), "whatever the order of arrival")
	assert.Equal(t, []string{"fooBar", "FooBar", "foo.bar"}, order("foo.bar", "FooBar", "fooBar"))
}

// The ASCII fast path splits exactly as the general one.
func TestASCIIWordsMatchRuneWords(t *testing.T) {
	names := []string{"", "id", "webUrl", "HTTPServer", "ipv4Address", "userIDs", "a1B2c3", "@odata.etag",
		"content-type", "ABC", "aBC", "ABc", "x__y", "3dModel", "TTLSProtocol", "Ids", "A", "a", "9"}
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "aZbY09_.- Ss"
	for range 2000 {
		b := make([]byte, rng.IntN(10))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		names = append(names, string(b))
	}
	for _, n := range names {
		assert.Equal(t, strings.Join(runeWords(n), "|"), strings.Join(appendASCIIWords(nil, n), "|"), "%q", n)
	}
}

// A scope keeps its first names in a list and the rest in a map: claims
// and children see every name taken, whichever holds it.
func TestScopePastAFewNames(t *testing.T) {
	for _, n := range []int{scopeFew - 1, scopeFew, scopeFew + 1, 3 * scopeFew} {
		s := NewScope()
		for i := range n {
			require.Equal(t, fmt.Sprintf("F%dx", i), s.Claim(fmt.Sprintf("F%dx", i)))
		}
		for i := range n {
			assert.Equal(t, fmt.Sprintf("F%dx2", i), s.Claim(fmt.Sprintf("F%dx", i)), "n=%d", n)
		}
		child := s.Child()
		assert.Equal(t, "F0x3", child.Claim("F0x"), "n=%d: the parent's names are taken", n)
		assert.Equal(t, "Fresh", child.Claim("Fresh"))
		assert.False(t, s.Taken("Fresh"), "a child's names are its own")
	}
}

// A member's name ends its constant's name, after its type's: a leading
// digit needs no X there.
func TestMemberSuffix(t *testing.T) {
	for in, want := range map[string]string{"403": "403", "3dModel": "3dModel", "red": "Red", "unknownFutureValue": "UnknownFutureValue", "": "X", "中文": "中文"} {
		assert.Equal(t, want, MemberSuffix(in), in)
	}
	assert.True(t, token.IsIdentifier("HTTPStatus"+MemberSuffix("403")))
}

func TestCamel(t *testing.T) {
	for in, want := range map[string]string{"user-id": "userID", "id": "id", "ID": "id", "URLName": "urlName", "2fa": "x2fa",
		"type": "typeArg", "startDateTime": "startDateTime", "message-id": "messageID", "": "x"} {
		if got := Camel(in); got != want {
			t.Errorf("Camel(%q) = %q, want %q", in, got, want)
		}
	}
}
