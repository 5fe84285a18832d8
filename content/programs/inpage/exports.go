package main

// exports are the functions a running program sets on globalThis for the
// page (exports_js.go). They are removed when the program ends.
var exports = []exportDescription{
	{
		Name:    "goWriteHeapProfile",
		Returns: "Uint8Array",
		Help: "the heap profile (runtime/pprof.WriteHeapProfile: gzipped pprof protobuf) as of the last " +
			"completed collection; no collection is forced. An Error if it could not be written.",
	},
	{
		Name:    "goWriteGoroutineProfile",
		Returns: "Uint8Array",
		Help: "every goroutine's stack (pprof.Lookup(\"goroutine\").WriteTo(w, 0): gzipped pprof protobuf). " +
			"An Error if it could not be written.",
	},
}
