package parser

import (
	"encoding/json"
	"os"
	"testing"
)

func TestDump(t *testing.T) {
	f := os.Getenv("DUMP")
	if f == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(f)
	p := Parse("x.md", data, Options{RootName: "resources"})
	b, _ := json.MarshalIndent(p, "", " ")
	os.Stdout.Write(b)
}
