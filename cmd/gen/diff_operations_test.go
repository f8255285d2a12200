package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/parser/corpus"
)

// replaceInPage rewrites a page of a copied version folder.
func replaceInPage(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Contains(t, string(data), old)
	require.NoError(t, os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644))
}

// gen diff between two version folders reports the operations, their
// parameters and permissions that changed, breaking where the generated
// Go loses or changes something, each at its page and line.
func TestDiffVersionFolderOperations(t *testing.T) {
	root := t.TempDir()
	oldDir, newDir := filepath.Join(root, "old"), filepath.Join(root, "new")
	for _, d := range []string{oldDir, newDir} {
		require.NoError(t, os.CopyFS(d, os.DirFS(filepath.Join("testdata", "versionfolder"))))
	}
	send := filepath.Join(newDir, "api", "user-sendmail.md")
	replaceInPage(t, send, "|saveToSentItems|Boolean|", "|saveToSentItems|String|")
	replaceInPage(t, send, "|Application | Mail.Send |", "|Application | Not supported. |")
	replaceInPage(t, send, "POST /me/sendMail\n", "")
	replaceInPage(t, send, "|saveToSentItems|", "|comment|String|A comment. Optional.|\n|saveToSentItems|")
	require.NoError(t, os.Remove(filepath.Join(newDir, "api", "user-list.md")))
	t.Chdir(root)

	code, stdout, stderr := genOut(t, "diff", "-q", "old", "new")
	assert.Equal(t, exitError, code, stderr)
	assertLine(t, stdout, "old/api/user-list.md:6: breaking: removed operation list GET /users: list returning Collection(microsoft.graph.user) (ListUsers)")
	assertLine(t, stdout, "new/api/user-sendmail.md:33: breaking: changed parameter type microsoft.graph.user.sendMail.saveToSentItems: Edm.Boolean -> Edm.String (UserSendMail.SaveToSentItems)")
	assertLine(t, stdout, "new/api/user-sendmail.md:32: compatible: added parameter microsoft.graph.user.sendMail.comment: Edm.String (UserSendMail.Comment)")
	assertLine(t, stdout, "new/api/user-sendmail.md:6: compatible: changed permission application microsoft.graph.user.sendMail: Mail.Send -> not supported (UserSendMail)")
	assertLine(t, stdout, "new/api/user-sendmail.md:6: compatible: changed operation request microsoft.graph.user.sendMail: POST /me/sendMail -> none (UserSendMail)")
	assert.Contains(t, stdout, "gen diff: 5 changes, 2 breaking: operations +0 -1 ~1, parameters +1 -0 ~1, permissions +0 -0 ~1; 0 descriptions changed")

	code, stdout, _ = genOut(t, "diff", "-q", "-format", "markdown", "old", "new")
	assert.Equal(t, exitError, code)
	assert.Contains(t, stdout, "### `microsoft.graph.user`\n\n- Removed operation `list GET /users` (`ListUsers`)")
	assert.Contains(t, stdout, "- Changed parameter type `microsoft.graph.user.sendMail.saveToSentItems` (`UserSendMail.SaveToSentItems`): `Edm.Boolean` → `Edm.String`")

	code, stdout, _ = genOut(t, "diff", "-q", "-format", "json", "old", "new")
	assert.Equal(t, exitError, code)
	assert.Contains(t, stdout, `"operation": {`)
	assert.Contains(t, stdout, `"element": "parameter"`)

	// The resources alone have no operations: none are compared.
	code, stdout, _ = genOut(t, "diff", "-q", filepath.Join("old", "resources"), filepath.Join("new", "resources"))
	assert.Equal(t, exitOK, code, stdout)
}

// en-2020-05 to bilingual-ru-2020-10, v1.0 version folders: operation
// changes, with the figures and hand checks of docs/diff.md.
func TestDiffOperationsCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode")
	}
	oldDir := corpus.Require(t, "corpus", "en-2020-05", "v1.0")
	newDir := corpus.Require(t, "corpus", "bilingual-ru-2020-10", "v1.0")
	code, stdout, _ := genOut(t, "diff", "-q", oldDir, newDir)
	assert.Equal(t, exitError, code)
	summary := stdout[strings.LastIndex(stdout, "gen diff: "):]
	t.Log(summary)
	assert.Regexp(t, `operations \+\d+ -\d+ ~\d+, parameters \+\d+ -\d+ ~\d+, permissions \+\d+ -\d+ ~\d+`, summary)
	for _, want := range []string{
		// The October pages call the permission scopes of applications differently.
		"bilingual-ru-2020-10/v1.0/api/application-get.md:15: compatible: changed permission delegated-work get GET /applications/{id}: Directory.Read.All, Directory.ReadWrite.All, Directory.AccessAsUser.All -> Application.Read.All, Application.ReadWrite.All, Directory.Read.All, Directory.AccessAsUser.All",
		// Shifts are replaced with PUT, no longer PATCH... the other way round.
		"bilingual-ru-2020-10/v1.0/api/shift-put.md:15: compatible: changed operation request update PATCH /teams/{teamId}/schedule/shifts/{shiftId}: PUT /teams/{teamId}/schedule/shifts/{shiftId} -> none",
	} {
		assert.Contains(t, stdout, want)
	}
	// May's clone page annotates its response "ignored" over a status line,
	// October's not: both are read, both say team (docs/diff.md, check 3).
	assert.NotContains(t, stdout, "team-clone.md:15: breaking: changed operation returns")
	assert.Contains(t, stdout, "bilingual-ru-2020-10/v1.0/api/team-clone.md:15: compatible: changed permission delegated-work microsoft.graph.team.clone: Group.ReadWrite.All -> Group.ReadWrite.All, Directory.ReadWrite.All")
	// The pages that create a mobile app once per derived type are one
	// operation: a page added in October does not renumber the others.
	assert.NotContains(t, stdout, "changed go-name create POST /deviceAppManagement/mobileApps")
	assert.NotRegexp(t, `DeviceAppManagementCreateMobileApps\d`, stdout)
	// May's photo-get.md repeats profilephoto-get.md's requests: one
	// operation, which October still has.
	assert.NotContains(t, stdout, "photo-get.md:10: breaking: removed operation")
}
