//go:build !(js && wasm)

package main

// exportProfiles does nothing outside the browser: a native run has no page
// to hand its profiles to.
func exportProfiles() (remove func()) { return func() {} }
