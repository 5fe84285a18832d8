package main

import (
	"flag"
	"fmt"
	"math"
	"os"
	"time"
)

// flagType is how a flag's value is written on the command line.
type flagType string

const (
	intFlag      flagType = "int"
	floatFlag    flagType = "float"
	boolFlag     flagType = "bool"
	durationFlag flagType = "duration" // default, min and max are in seconds
)

// flagSpec is one knob of a program. The table of specs is the only place a
// flag is declared: the flag set is built from it, values are checked against
// its range, and `inpage describe` prints it for the site's manifest.
type flagSpec struct {
	Name    string
	Type    flagType
	Default float64 // 0 or 1 for a bool
	Min     float64
	Max     float64
	Unit    string
	Help    string
}

// program is one subcommand.
type program struct {
	name    string
	summary string
	flags   []flagSpec
	main    func(flagValues)
}

func findProgram(name string) *program {
	for _, p := range programs {
		if p.name == name {
			return p
		}
	}
	return nil
}

// flagValues holds the parsed flags of one run, by name.
type flagValues map[string]float64

func (v flagValues) Int(name string) int       { return int(v.get(name)) }
func (v flagValues) Float(name string) float64 { return v.get(name) }
func (v flagValues) Bool(name string) bool     { return v.get(name) != 0 }
func (v flagValues) Duration(name string) time.Duration {
	return time.Duration(v.get(name) * float64(time.Second))
}

func (v flagValues) get(name string) float64 {
	x, ok := v[name]
	if !ok {
		panic("no flag -" + name) // a program asked for a flag its table does not declare
	}
	return x
}

// parseFlags reads args with a flag set built from p.flags and checks every
// value against its range.
func parseFlags(p *program, args []string) (flagValues, error) {
	fs := flag.NewFlagSet(p.name, flag.ContinueOnError)
	fs.SetOutput(os.Stderr)
	read := map[string]func() float64{}
	for _, f := range p.flags {
		f := f
		switch f.Type {
		case intFlag:
			x := fs.Int(f.Name, int(f.Default), f.Help)
			read[f.Name] = func() float64 { return float64(*x) }
		case floatFlag:
			x := fs.Float64(f.Name, f.Default, f.Help)
			read[f.Name] = func() float64 { return *x }
		case boolFlag:
			x := fs.Bool(f.Name, f.Default != 0, f.Help)
			read[f.Name] = func() float64 {
				if *x {
					return 1
				}
				return 0
			}
		case durationFlag:
			x := fs.Duration(f.Name, time.Duration(f.Default*float64(time.Second)), f.Help)
			read[f.Name] = func() float64 { return x.Seconds() }
		default:
			panic("flag -" + f.Name + " has unknown type " + string(f.Type))
		}
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		err := fmt.Errorf("unexpected argument %q (flags are written -name=value)", fs.Arg(0))
		fmt.Fprintf(os.Stderr, "%s: %v\n", p.name, err)
		return nil, err
	}
	values := flagValues{}
	for _, f := range p.flags {
		x := read[f.Name]()
		if f.Type != boolFlag && (x < f.Min || x > f.Max || math.IsNaN(x)) {
			err := fmt.Errorf("-%s=%v is out of range: it must be between %v and %v%s",
				f.Name, x, f.Min, f.Max, unitSuffix(f.Unit))
			fmt.Fprintf(os.Stderr, "%s: %v\n", p.name, err)
			return nil, err
		}
		values[f.Name] = x
	}
	return values, nil
}

func unitSuffix(unit string) string {
	if unit == "" {
		return ""
	}
	return " " + unit
}

// The common flags, so that every program names the same knob the same way.

func durationSpec(def float64) flagSpec {
	return flagSpec{Name: "d", Type: durationFlag, Default: def, Min: 1, Max: 60, Unit: "s", Help: "how long to run"}
}

func fixedSpec(help string) flagSpec {
	return flagSpec{Name: "fixed", Type: boolFlag, Default: 0, Min: 0, Max: 1, Help: help}
}
