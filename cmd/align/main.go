// Command align aligns Russian originals with their English translations
// sentence by sentence, flags translation artifacts and writes parallel
// corpus files. See the README for the commands.
package main

import (
	"os"
	"runtime/debug"
)

// memoryLimit is the soft limit of the heap unless GOMEMLIMIT sets one:
// the garbage collector works harder as the heap nears it, which keeps a
// 100,000-sentence document pair within 1 GB; a longer one still
// aligns, with more collection.
const memoryLimit = 800 << 20

func main() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}
