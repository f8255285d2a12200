// Command gen generates Go types and enums from API resource documentation
// pages. See README.md for flags, output and exit codes.
package main

import "os"

func main() {
	paceCollector()
	os.Exit(run(defaultHooks(), os.Args[1:], os.Stdout, os.Stderr))
}
