// The Namespace line: "Namespace: microsoft.graph.callRecords" in the
// words of a data file, or known by its shape in any language (a short
// label, a colon and a dotted name: "命名空间：microsoft.graph.security").

package parser

import (
	"strings"
	"unicode"
)

// namespaceOf returns the namespace a paragraph names and whether the
// paragraph is a Namespace line.
func (e *extractor) namespaceOf(text string) (string, bool) {
	if rest, ok := e.NamespaceValue(text); ok {
		if toks := identifierTokens(rest); len(toks) > 0 {
			return strings.TrimSuffix(toks[0], "."), true
		}
		return "", true
	}
	if e.section != secNone {
		return "", false // a label and a name in a section are the section's
	}
	return namespaceLine(text)
}

// namespaceLine reads a paragraph that is only a label of one to three
// words, a colon (or a full-width one) and a dotted name: the Namespace
// line whatever language its label is in. Namespaces are never
// translated.
func namespaceLine(text string) (string, bool) {
	i := strings.IndexAny(text, ":：")
	if i <= 0 {
		return "", false
	}
	label := strings.TrimSpace(text[:i])
	size := len(":")
	if strings.HasPrefix(text[i:], "：") {
		size = len("：")
	}
	name := strings.TrimSpace(text[i+size:])
	words := strings.Fields(label)
	if len(words) == 0 || len(words) > 3 || !strings.Contains(name, ".") || !IsIdentifier(name) {
		return "", false
	}
	for _, r := range label {
		if !unicode.IsLetter(r) && r != ' ' {
			return "", false
		}
	}
	return name, true
}
