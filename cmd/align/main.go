// Command align aligns Russian originals with their English translations
// sentence by sentence, flags translation artifacts and writes parallel
// corpus files. See the README for the commands.
package main

import "os"

func main() {
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}
