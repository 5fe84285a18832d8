// Command inpage holds the sample programs that the site runs in the browser,
// built with GOOS=js GOARCH=wasm: one binary per Go release, one subcommand per
// program, so the runtime is downloaded once for all of them.
//
// Each program is a native one from content/programs/ turned into a function
// whose knobs are flags, so the page's sliders can drive it. Defaults suit a
// browser tab: a run of about 15 seconds, and a heap of at most a few hundred
// MB (a leaking program stops by itself once it keeps keptLimitMB). Progress
// lines go to standard output; standard error carries only what the runtime
// prints, such as the GODEBUG=gctrace=1 lines.
//
//	inpage leaking-map -d=15s -rate=2000
//	inpage leaking-map -fixed
//	inpage describe            the programs and their flags, as JSON
//
// Built natively it runs the same way (go run . leaking-map), which is handy
// for trying a change before rebuilding the WebAssembly binaries.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "help" {
		usage()
		return 2
	}
	if args[0] == "describe" {
		os.Stdout.Write(describe())
		return 0
	}
	p := findProgram(args[0])
	if p == nil {
		fmt.Fprintf(os.Stderr, "unknown program %q\n", args[0])
		usage()
		return 2
	}
	values, err := parseFlags(p, args[1:])
	if err != nil {
		// The flag package has already printed the problem and the usage.
		return 2
	}
	// One sample per 64 KiB allocated instead of 512 KiB: a run of a few seconds then gives a
	// heap profile with enough samples to name the code that keeps memory, for a little CPU.
	runtime.MemProfileRate = 64 << 10
	stopExports := exportProfiles()
	defer stopExports()
	p.main(values)
	return 0
}

// programs in the order the site lists them.
var programs = []*program{leakingMap, steady, plateauCache, sawtooth, forgottenGoroutines, gogcDemo}

func usage() {
	names := make([]string, len(programs))
	for i, p := range programs {
		names[i] = p.name
	}
	fmt.Fprintf(os.Stderr, "usage: inpage PROGRAM [-flag=value ...]\n"+
		"       inpage PROGRAM -h       the program's flags\n"+
		"       inpage describe         every program and flag as JSON\n"+
		"programs: %s\n", strings.Join(names, ", "))
}

// progressf prints a progress line on standard output, which the page shows
// apart from the trace on standard error.
func progressf(program, format string, args ...any) {
	fmt.Printf(program+": "+format+"\n", args...)
}
