package main

import (
	"io"
	"os"
	"sync"
)

// stderrGuard is stderr for Ballast's messages. The jsii runtime writes to
// the process's stdout and stderr itself: its JavaScript side's console
// output, and, when the runtime exits, a diagnostic without a trailing
// newline ("Runtime process exited abnormally: ..."). guardStreams sends
// all of that to stderr through a pipe, so stdout carries only what
// Ballast prints for a pipe, and the guard starts each Ballast message on
// its own line whatever the runtime left unfinished.
type stderrGuard struct {
	out     io.Writer
	mu      sync.Mutex
	midLine bool // the runtime's output so far ends inside a line

	settle sync.Once
	drain  func() // stops routing runtime output through the pipe, and waits for what it holds
}

func newStderrGuard(out io.Writer) *stderrGuard { return &stderrGuard{out: out, drain: func() {}} }

// guardStreams points os.Stdout and os.Stderr (what the jsii runtime
// writes to) at a pipe copied to the real stderr, and returns the real
// stdout and the guard over the real stderr. The first Ballast message
// closes the pipe, after copying what it holds: Ballast prints only
// before the runtime starts or after it is closed. Runtime output later
// than that (jsii-runtime-go before 1.142 could report its own exit after
// Close returned) is dropped rather than glued to a Ballast message.
func guardStreams() (io.Writer, *stderrGuard) {
	realOut, realErr := os.Stdout, os.Stderr
	g := newStderrGuard(realErr)
	r, w, err := os.Pipe()
	if err != nil {
		return realOut, g // unguarded, but every message still reaches stderr
	}
	copied := make(chan struct{})
	go func() {
		_, _ = io.Copy(g.runtime(), r)
		_ = r.Close()
		close(copied)
	}()
	os.Stdout, os.Stderr = w, w
	g.drain = func() {
		_ = w.Close()
		<-copied
	}
	return realOut, g
}

// Write writes one Ballast message, first ending any line the runtime
// left open.
func (g *stderrGuard) Write(b []byte) (int, error) {
	g.settle.Do(func() { g.drain() })
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.midLine && len(b) > 0 {
		if _, err := g.out.Write([]byte("\n")); err != nil {
			return 0, err
		}
		g.midLine = false
	}
	return g.out.Write(b)
}

// runtime is the writer of the runtime's output: copied as is, noting
// whether it ends inside a line.
func (g *stderrGuard) runtime() io.Writer { return runtimeWriter{g} }

type runtimeWriter struct{ g *stderrGuard }

func (r runtimeWriter) Write(b []byte) (int, error) {
	r.g.mu.Lock()
	defer r.g.mu.Unlock()
	if len(b) > 0 {
		r.g.midLine = b[len(b)-1] != '\n'
	}
	return r.g.out.Write(b)
}
