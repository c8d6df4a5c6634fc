//go:build !unix

package emulator

import "time"

func processCPUTime() time.Duration { return 0 }
