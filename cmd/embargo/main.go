// Command embargo screens names, entities and goods against official
// sanctions lists. Main is a type so that tests run the real wiring.
package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"embargo"
	"embargo/internal/sqldialect"
	"embargo/natsbus"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := NewMain()
	// The only place that reads the environment.
	if dir := os.Getenv("EMBARGO_DATA_DIR"); dir != "" {
		m.DataDir = dir
	}
	m.StoreDSN = os.Getenv("EMBARGO_STORE")
	m.NATSURL = os.Getenv("EMBARGO_NATS")
	err := m.Run(ctx, os.Args[1:])
	if cerr := m.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "embargo:", err)
		if errors.Is(err, errUsage) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

var errUsage = errors.New("usage")

// Main holds the program's configuration and open resources.
type Main struct {
	DataDir  string // where the store lives
	StoreDSN string // a PostgreSQL store instead of the SQLite one in DataDir; the audit log and API keys then live there too
	NATSURL  string // NATS JetStream: new list versions are announced there, and servers reload on them
	JSON     bool   // machine output
	Stdin    io.Reader
	Stdout   io.Writer
	Stderr   io.Writer
	Now      func() time.Time

	// Listening, when set, is told the address `serve` listens on (tests use ":0").
	Listening func(addr string)

	store      embargo.Store
	bus        *natsbus.Bus
	svcDB      *sql.DB
	svcDialect sqldialect.Dialect
	closers    []func() error
}

// NewMain returns a Main wired to the process's standard streams.
func NewMain() *Main {
	dir := ".embargo"
	if home, err := os.UserHomeDir(); err == nil {
		dir = filepath.Join(home, ".embargo")
	}
	return &Main{DataDir: dir, Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Now: time.Now}
}

// commands are added by each command's file in init, so that no file lists them all.
var commands []func(m *Main) *cobra.Command

// Run parses args and runs the command they name.
func (m *Main) Run(ctx context.Context, args []string) error {
	root := &cobra.Command{
		Use:           "embargo",
		Short:         "Sanctions screening and monitoring: lists, names, goods",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&m.DataDir, "data-dir", m.DataDir, "directory of the list store (env EMBARGO_DATA_DIR)")
	root.PersistentFlags().BoolVar(&m.JSON, "json", false, "machine-readable JSON output")
	root.PersistentFlags().StringVar(&m.StoreDSN, "store", m.StoreDSN, "postgres://… to keep the lists in PostgreSQL instead of SQLite in --data-dir (env EMBARGO_STORE)")
	root.PersistentFlags().StringVar(&m.NATSURL, "nats", m.NATSURL, "nats://… (JetStream): announce new list versions there; serve reloads on announcements (env EMBARGO_NATS)")
	for _, c := range commands {
		root.AddCommand(c(m))
	}
	root.SetArgs(args)
	root.SetIn(m.Stdin)
	root.SetOut(m.Stdout)
	root.SetErr(m.Stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return fmt.Errorf("%w: %v (see 'embargo %s --help')", errUsage, err, c.Name())
	})
	return root.ExecuteContext(ctx)
}

// Close releases what Run opened.
func (m *Main) Close() error {
	var errs []error
	for i := len(m.closers) - 1; i >= 0; i-- {
		errs = append(errs, m.closers[i]())
	}
	m.closers = nil
	return errors.Join(errs...)
}

// onClose registers a function Close will call.
func (m *Main) onClose(f func() error) { m.closers = append(m.closers, f) }
