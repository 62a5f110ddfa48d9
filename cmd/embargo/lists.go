package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"embargo"
	"embargo/demo"
	"embargo/ingest"
	"embargo/internal/storeutil"
	"embargo/source"
	_ "embargo/source/all" // every list format, for detection
)

func init() { commands = append(commands, newListsCmd) }

// maxImportFile bounds one file read by lists import (the largest official
// file, OFAC SDN_ADVANCED.XML, is about 100 MB).
const maxImportFile = 512 << 20

func newListsCmd(m *Main) *cobra.Command {
	var on string
	c := &cobra.Command{
		Use:   "lists [--on DATE]",
		Short: "Show the imported lists; import, compare and inspect their versions",
		Long: "Show the version in force of each imported list; with --on DATE, the version that was in\n" +
			"force on that date (the newest published, or imported, on or before it).",
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			var d embargo.Date
			if on != "" {
				var err error
				if d, err = embargo.ParseDate(on); err != nil {
					return embargo.FieldError("--on", "%v", err)
				}
			}
			return m.listsTable(c.Context(), d)
		},
	}
	c.Flags().StringVar(&on, "on", "", "date YYYY-MM-DD: the versions in force on that date")
	c.AddCommand(newListsImportCmd(m), newListsVersionsCmd(m), newListsDiffCmd(m), newListsShowCmd(m), newListsAnnouncementsCmd(m))
	return c
}

// listRow is one line of `embargo lists --json`.
type listRow struct {
	Source    string                 `json:"source"`
	Version   int64                  `json:"version"`
	Published string                 `json:"published"`
	Imported  string                 `json:"imported,omitempty"`
	Entities  int                    `json:"entities"`
	BySchema  map[embargo.Schema]int `json:"by_schema"`
	Problems  int                    `json:"problems"`
	Format    string                 `json:"format,omitempty"`
	Demo      bool                   `json:"demo,omitempty"`
}

func (m *Main) listsTable(ctx context.Context, on embargo.Date) error {
	rows, err := m.listRows(ctx, on)
	if err != nil {
		return err
	}
	if m.JSON {
		return m.writeJSON(rows)
	}
	if len(rows) == 1 && rows[0].Demo {
		fmt.Fprintf(m.Stdout, "No list imported yet: screening uses the embedded demo subset (%d entities), not a compliance list.\n", rows[0].Entities)
		fmt.Fprintln(m.Stdout, "Import the official lists with 'embargo update' or 'embargo lists import FILE...'.")
		return nil
	}
	w := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "SOURCE\tVERSION\tPUBLISHED\tENTITIES\tBY SCHEMA")
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t%d\t%s\t%s\t%s\n", r.Source, r.Version, orDash(r.Published), thousands(r.Entities), schemaCounts(r.BySchema))
	}
	return w.Flush()
}

// listRows returns the version in force of each list now (or on a date),
// or one demo row when no list has been imported.
func (m *Main) listRows(ctx context.Context, on embargo.Date) ([]listRow, error) {
	s, err := m.existingStore(ctx)
	if err != nil {
		return nil, err
	}
	var latest []embargo.ListVersion
	switch {
	case s != nil && on.IsZero():
		latest, err = s.Latest(ctx)
	case s != nil:
		latest, err = s.AsOf(ctx, on)
		if err == nil && len(latest) == 0 {
			err = embargo.Errorf(embargo.ENOTFOUND, "no imported list was in force on %s", on)
		}
	}
	if err != nil {
		return nil, err
	}
	rows := []listRow{}
	for _, v := range latest {
		rows = append(rows, listRow{Source: v.Source, Version: v.Version, Published: v.Published.String(),
			Imported: v.ImportedAt.UTC().Format("2006-01-02T15:04:05Z"), Entities: v.Entities,
			BySchema: v.BySchema, Problems: v.Problems, Format: v.Format})
	}
	if len(rows) == 0 {
		ents, err := demo.Entities()
		if err != nil {
			return nil, err
		}
		rows = append(rows, listRow{Source: demo.Source, Entities: len(ents), BySchema: storeutil.Counts(ents), Demo: true})
	}
	return rows, nil
}

func newListsImportCmd(m *Main) *cobra.Command {
	var format string
	c := &cobra.Command{
		Use:   "import [--source NAME] FILE...",
		Short: "Import list files as a new version (format detected from the content)",
		Long: "Import the files of one list version. The format is detected from the content unless --source\n" +
			"names it. The four OFAC legacy CSV files (sdn.csv add.csv alt.csv sdn_comments.csv) are one import.\n" +
			"A file that is not of its format is refused and nothing is stored.",
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error { return m.listsImport(c.Context(), format, args) },
	}
	c.Flags().StringVar(&format, "source", "", "format or source name (un, ofac, unsc, ...); default: detect")
	return c
}

// importReport is the JSON answer of lists import.
type importReport struct {
	Version  embargo.ListVersion `json:"version"`
	Created  bool                `json:"created"`
	Problems source.ErrorList    `json:"problems"`
}

func (m *Main) listsImport(ctx context.Context, format string, paths []string) error {
	files := make([]source.File, 0, len(paths))
	for _, p := range paths {
		f, err := readFile(p)
		if err != nil {
			return err
		}
		files = append(files, f)
	}
	s, err := m.Store(ctx)
	if err != nil {
		return err
	}
	v, created, problems, err := ingest.Import(ctx, s, files, format)
	if err != nil {
		for _, p := range problems {
			fmt.Fprintln(m.Stderr, "  problem:", p.Error())
		}
		return err
	}
	if m.JSON {
		return m.writeJSON(importReport{Version: v, Created: created, Problems: append(source.ErrorList{}, problems...)})
	}
	if created {
		fmt.Fprintf(m.Stdout, "%s: imported version %d%s: %s entities (%s), %d problems\n", v.Source, v.Version,
			publishedNote(v), thousands(v.Entities), schemaCounts(v.BySchema), len(problems))
	} else {
		// The problems were listed when this content was first imported.
		fmt.Fprintf(m.Stdout, "%s: unchanged: same content as version %d%s (sha256 %s), %d problems\n",
			v.Source, v.Version, publishedNote(v), shortHash(v.Hash), len(problems))
		return nil
	}
	for _, p := range problems {
		fmt.Fprintln(m.Stdout, "  problem:", p.Error())
	}
	return nil
}

func readFile(path string) (source.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return source.File{}, err
	}
	defer f.Close()
	return source.ReadAll(path, f, maxImportFile)
}

func newListsVersionsCmd(m *Main) *cobra.Command {
	return &cobra.Command{
		Use:   "versions SOURCE",
		Short: "List every imported version of a list (* marks the one in force)",
		Args:  cobra.ExactArgs(1),
		RunE:  func(c *cobra.Command, args []string) error { return m.listsVersions(c.Context(), args[0]) },
	}
}

func (m *Main) listsVersions(ctx context.Context, src string) error {
	s, err := m.existingStore(ctx)
	if err != nil {
		return err
	}
	if s == nil {
		return embargo.Errorf(embargo.ENOTFOUND, "no list has been imported (store %s is empty)", m.DataDir)
	}
	vs, err := s.Versions(ctx, src)
	if err != nil {
		return err
	}
	if m.JSON {
		return m.writeJSON(vs)
	}
	current := storeutil.Current(vs).Version
	w := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "VERSION\tPUBLISHED\tIMPORTED\tENTITIES\tPROBLEMS\tFORMAT\tSHA256\tORIGIN")
	for _, v := range vs {
		mark := " "
		if v.Version == current {
			mark = "*"
		}
		fmt.Fprintf(w, "%s%d\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", mark, v.Version, orDash(v.Published.String()),
			v.ImportedAt.UTC().Format("2006-01-02 15:04"), thousands(v.Entities), v.Problems, v.Format, shortHash(v.Hash), v.Origin)
	}
	return w.Flush()
}

// writeJSON writes v indented, for machines and people alike.
func (m *Main) writeJSON(v any) error {
	enc := json.NewEncoder(m.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func publishedNote(v embargo.ListVersion) string {
	if v.Published.IsZero() {
		return ""
	}
	return " (published " + v.Published.String() + ")"
}

// schemaCounts renders {Person: 730, Organization: 273} as "Person 730, Organization 273".
func schemaCounts(by map[embargo.Schema]int) string {
	var parts []string
	for _, s := range embargo.Schemas {
		if n := by[s]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %s", s, thousands(n)))
		}
	}
	return strings.Join(parts, ", ")
}

// thousands renders 14965 as "14,965".
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// countTable writes "  NAME  N" lines sorted by count, largest first.
func countTable(out io.Writer, counts map[string]int) {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	width := 0
	for _, k := range keys {
		width = max(width, len(k))
	}
	for _, k := range keys {
		fmt.Fprintf(out, "  %-*s  %7s\n", width, k, thousands(counts[k]))
	}
}

// shortHash is the first 12 hex digits of a content hash, for tables.
func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}
