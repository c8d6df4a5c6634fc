// Package e2e drives the real Terraform (or OpenTofu) CLI against the emulator, for benchmarks
// and end-to-end reliability tests. It builds the binaries, starts the emulator as its own
// process, lays out a working directory whose CLI config installs the provider from a local
// filesystem mirror, and runs CLI steps while recording wall time, output, and the peak resident
// memory of the provider process.
//
// A typical use:
//
//	bins, _ := e2e.Build(ctx, repo, outDir)            // provider + emulator + terraform CLI
//	emu, _ := e2e.StartEmulator(ctx, bins.Emulator, e2e.EmulatorOptions{Latency: 20 * time.Millisecond})
//	defer emu.Stop()
//	ws, _ := e2e.NewWorkspace(dir, bins, emu.ProviderEnv())
//	ws.WriteConfig(e2e.RoomsHCL(100, "bench-"))
//	ws.Run(ctx, e2e.Init())
//	res, _ := ws.Run(ctx, e2e.Apply(50))
//	stats, _ := emu.Stats(ctx)
//
// Steps can also be started without waiting (Workspace.Start), to send signals mid-apply or to
// wait for a line of output first.
package e2e
