//go:build js && wasm

package main

import (
	"bytes"
	"io"
	"runtime/pprof"
	"syscall/js"
)

// exportProfiles sets the functions listed in exports on globalThis, so the
// page can ask the running program for its profiles, and returns a function
// that removes them.
func exportProfiles() (remove func()) {
	writers := map[string]func(io.Writer) error{
		"goWriteHeapProfile":      pprof.WriteHeapProfile,
		"goWriteGoroutineProfile": func(w io.Writer) error { return pprof.Lookup("goroutine").WriteTo(w, 0) },
	}
	global := js.Global()
	var funcs []js.Func
	for _, e := range exports {
		write := writers[e.Name]
		f := js.FuncOf(func(js.Value, []js.Value) any {
			var buf bytes.Buffer
			if err := write(&buf); err != nil {
				return js.Global().Get("Error").New(err.Error())
			}
			out := js.Global().Get("Uint8Array").New(buf.Len())
			js.CopyBytesToJS(out, buf.Bytes())
			return out
		})
		global.Set(e.Name, f)
		funcs = append(funcs, f)
	}
	return func() {
		for i, e := range exports {
			global.Delete(e.Name)
			funcs[i].Release()
		}
	}
}
