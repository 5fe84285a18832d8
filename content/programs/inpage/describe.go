package main

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
)

// exportDescription documents a function the program sets on globalThis
// while it runs (exports_js.go).
type exportDescription struct {
	Name    string
	Returns string
	Help    string
}

// describe is what `inpage describe` prints: the release that built the
// binary, every program with its flags, and the exports, as JSON (the shape
// of src/run/manifest.ts's ProgramsDescription). It is written by hand
// because encoding/json would add megabytes to a binary the page downloads.
func describe() []byte {
	var b strings.Builder
	b.WriteString("{\n")
	fmt.Fprintf(&b, "  \"goVersion\": %s,\n  \"goos\": %s,\n  \"goarch\": %s,\n",
		jsonString(runtime.Version()), jsonString(runtime.GOOS), jsonString(runtime.GOARCH))
	b.WriteString("  \"programs\": [")
	for i, p := range programs {
		b.WriteString(comma(i) + "\n    {\n")
		fmt.Fprintf(&b, "      \"name\": %s,\n      \"summary\": %s,\n      \"flags\": [",
			jsonString(p.name), jsonString(p.summary))
		for j, f := range p.flags {
			fmt.Fprintf(&b, "%s\n        {\"name\": %s, \"type\": %s, \"default\": %s, \"min\": %s, \"max\": %s, \"unit\": %s, \"help\": %s}",
				comma(j), jsonString(f.Name), jsonString(string(f.Type)), jsonNumber(f.Default),
				jsonNumber(f.Min), jsonNumber(f.Max), jsonString(f.Unit), jsonString(f.Help))
		}
		b.WriteString("\n      ]\n    }")
	}
	b.WriteString("\n  ],\n  \"exports\": [")
	for i, e := range exports {
		fmt.Fprintf(&b, "%s\n    {\"name\": %s, \"returns\": %s, \"help\": %s}",
			comma(i), jsonString(e.Name), jsonString(e.Returns), jsonString(e.Help))
	}
	b.WriteString("\n  ]\n}\n")
	return []byte(b.String())
}

func comma(i int) string {
	if i == 0 {
		return ""
	}
	return ","
}

// jsonString quotes s as a JSON string.
func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// jsonNumber writes x in the shortest form that reads back the same; the
// flag table holds finite numbers only.
func jsonNumber(x float64) string {
	return strconv.FormatFloat(x, 'g', -1, 64)
}
