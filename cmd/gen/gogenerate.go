// The command in doc.go's //go:generate line: how the module that holds
// -out runs gen.

package main

import (
	"bufio"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// goGenerateCommand puts the command that runs gen in front of args, for
// the module whose go.mod holds -out: "go tool gen" where that go.mod has
// the tool directive for it, else "go run" of gen's package, which needs
// gen's module in go.mod; note says so (it becomes a comment above the
// line) unless the module is gen's own.
func goGenerateCommand(out, args string) (line, note string, err error) {
	module, tool, err := moduleOf(out)
	if err != nil {
		return "", "", err
	}
	switch {
	case tool:
		return "go tool gen " + args, "", nil
	case module == strings.TrimSuffix(modulePath, "/cmd/gen"):
		return "go run " + modulePath + " " + args, "", nil
	}
	return "go run " + modulePath + " " + args,
		"This line needs github.com/docgen/graphgen in the module's go.mod; with gen as a tool there (see gen's README, Install), gen writes \"go tool gen\" instead.", nil
}

// moduleOf reads the go.mod that governs dir (which may not exist yet): its
// module path, and whether it lists gen as a tool. No go.mod is no module.
func moduleOf(dir string) (module string, tool bool, err error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", false, err
	}
	for d := abs; ; d = filepath.Dir(d) {
		f, err := os.Open(filepath.Join(d, "go.mod"))
		if err == nil {
			defer f.Close()
			return readGoMod(f)
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", false, err
		}
		if filepath.Dir(d) == d {
			return "", false, nil
		}
	}
}

// readGoMod reads the module path and the tool directives of a go.mod: a
// "tool path" line, or a path inside a "tool (" block.
func readGoMod(f *os.File) (module string, tool bool, err error) {
	sc := bufio.NewScanner(f)
	inTool := false
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "//")
		fields := strings.Fields(line)
		switch {
		case len(fields) == 0:
		case inTool && fields[0] == ")":
			inTool = false
		case inTool:
			tool = tool || strings.Trim(fields[0], `"`) == modulePath
		case fields[0] == "module" && len(fields) > 1:
			module = strings.Trim(fields[1], `"`)
		case fields[0] == "tool" && len(fields) > 1 && fields[1] == "(":
			inTool = true
		case fields[0] == "tool" && len(fields) > 1:
			tool = tool || strings.Trim(fields[1], `"`) == modulePath
		}
	}
	return module, tool, sc.Err()
}
