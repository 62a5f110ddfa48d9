// Package fetch downloads the official lists from their official URLs (or
// a mirror) and imports them: conditional requests with the validators of
// the last good download, a size limit and a timeout per request, a sha256
// of the content, a full parse before anything is stored, and one
// transaction to switch. On any failure the last good version stays in force.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"sort"
	"strings"
	"time"

	"embargo"
	"embargo/ingest"
	"embargo/source"
)

// Defaults for Options.
const (
	DefaultTimeout  = 2 * time.Minute
	DefaultMaxBytes = 256 << 20 // the largest official file (OFAC SDN_ADVANCED.XML) is about 100 MB
	UserAgent       = "embargo (sanctions list updater)"
)

// Validators is implemented by stores that remember the ETag and
// Last-Modified of the last good download of a URL (sqlite.Store).
type Validators interface {
	FetchState(ctx context.Context, source, url string) (etag, lastModified string, err error)
	SetFetchState(ctx context.Context, source, url, etag, lastModified string) error
}

// Options configure Update; they come from the command line.
type Options struct {
	Client   *http.Client      // nil: a new client; Timeout bounds each request
	Timeout  time.Duration     // per request, body included; 0: DefaultTimeout
	MaxBytes int64             // per file; 0: DefaultMaxBytes
	BaseURLs map[string]string // source or format name -> base URL of a mirror serving the same file names
}

// Status is the outcome of one source's update.
type Status string

const (
	Unchanged Status = "unchanged" // 304, or the same content as a stored version
	New       Status = "new"
	Failed    Status = "failed"
)

// Result is what happened to one source.
type Result struct {
	Source      string              `json:"source"`
	Format      string              `json:"format"`
	Status      Status              `json:"status"`
	NotModified bool                `json:"not_modified,omitempty"` // the server answered 304
	Version     embargo.ListVersion `json:"version"`                // the new one, or the one kept in force
	Problems    int                 `json:"problems"`
	Err         error               `json:"-"`
	Error       string              `json:"error,omitempty"`
}

// String is the one line the update command prints for the source.
func (r Result) String() string {
	switch r.Status {
	case Unchanged:
		if r.NotModified {
			return fmt.Sprintf("%s: unchanged (304)", r.Source)
		}
		return fmt.Sprintf("%s: unchanged (same content as version %d)", r.Source, r.Version.Version)
	case New:
		return fmt.Sprintf("%s: new version %d, %s entities", r.Source, r.Version.Version, thousands(r.Version.Entities))
	}
	keep := "no version imported yet"
	if r.Version.Version != 0 {
		keep = fmt.Sprintf("keeping version %d of %s", r.Version.Version, dateOf(r.Version))
	}
	return fmt.Sprintf("%s: FAILED: %s; %s", r.Source, r.Error, keep)
}

func dateOf(v embargo.ListVersion) string {
	if !v.Published.IsZero() {
		return v.Published.String()
	}
	return v.ImportedAt.UTC().Format("2006-01-02")
}

// Formats resolves names (format or source names) to formats; none means
// every source that has official URLs, one format each (the first by name:
// ofac-csv before ofac-xml). OpenSanctions' FollowTheMoney export is an
// aggregation, not an official list, and large: it is fetched only when named.
func Formats(names []string) ([]source.Format, error) {
	if len(names) > 0 {
		var out []source.Format
		for _, n := range names {
			f, ok := source.Lookup(n)
			if !ok {
				return nil, embargo.FieldError("--source", "unknown list %q", n)
			}
			if len(f.Info().URLs) == 0 {
				return nil, embargo.FieldError("--source", "%s has no official download URL", n)
			}
			out = append(out, f)
		}
		return out, nil
	}
	seen := map[string]bool{}
	var out []source.Format
	for _, f := range source.All() {
		i := f.Info()
		if len(i.URLs) == 0 || seen[i.Source] || i.Source == "ftm" {
			continue
		}
		seen[i.Source] = true
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Info().Source < out[j].Info().Source })
	return out, nil
}

// ParseBaseURLs reads SOURCE=URL pairs.
func ParseBaseURLs(pairs []string) (map[string]string, error) {
	m := map[string]string{}
	for _, p := range pairs {
		name, u, ok := strings.Cut(p, "=")
		if !ok || name == "" || u == "" {
			return nil, embargo.FieldError("--base-url", "%q: want SOURCE=URL", p)
		}
		if pu, err := url.Parse(u); err != nil || (pu.Scheme != "http" && pu.Scheme != "https") {
			return nil, embargo.FieldError("--base-url", "%q: not an http(s) URL", u)
		}
		m[name] = u
	}
	return m, nil
}

// URLs returns where to download f's files: the official URLs, or the same
// file names under the mirror's base URL.
func URLs(f source.Format, base map[string]string) ([]string, error) {
	i := f.Info()
	b, ok := base[i.Source]
	if !ok {
		b, ok = base[i.Name]
	}
	if !ok {
		return i.URLs, nil
	}
	out := make([]string, len(i.URLs))
	for k, official := range i.URLs {
		u, err := url.Parse(official)
		if err != nil {
			return nil, fmt.Errorf("%s: official URL %q: %w", i.Name, official, err)
		}
		out[k] = strings.TrimRight(b, "/") + "/" + path.Base(u.Path)
	}
	return out, nil
}

// Update downloads and imports one list. It never returns an error: a
// failure is a Result with Status Failed naming the cause and the version
// kept in force.
func Update(ctx context.Context, store embargo.Store, f source.Format, opt Options) Result {
	i := f.Info()
	r := Result{Source: i.Source, Format: i.Name}
	last, hasLast, err := current(ctx, store, i.Source)
	if err != nil {
		return r.fail(err)
	}
	r.Version = last
	urls, err := URLs(f, opt.BaseURLs)
	if err != nil {
		return r.fail(err)
	}
	d := newDownloader(opt, store, i.Source)
	files, validators, notModified, err := d.all(ctx, f, urls, hasLast)
	if err != nil {
		return r.fail(err)
	}
	if notModified {
		r.Status, r.NotModified = Unchanged, true
		return r
	}
	v, created, problems, err := ingest.Import(ctx, store, files, i.Name)
	if err != nil {
		return r.fail(err)
	}
	r.Version, r.Problems, r.Status = v, len(problems), New
	if !created {
		r.Status = Unchanged
	}
	// Remembered only now: a failed import must be downloaded again next time.
	if err := d.remember(ctx, validators); err != nil {
		r.Error = "imported, but the download validators were not saved: " + err.Error()
	}
	return r
}

func (r Result) fail(err error) Result {
	r.Status, r.Err = Failed, err
	r.Error = embargo.ErrorMessage(err)
	if r.Error == "internal error" {
		r.Error = err.Error()
	}
	return r
}

// current returns the version of source in force, if any.
func current(ctx context.Context, store embargo.Store, src string) (embargo.ListVersion, bool, error) {
	latest, err := store.Latest(ctx)
	if err != nil {
		return embargo.ListVersion{}, false, err
	}
	for _, v := range latest {
		if v.Source == src {
			return v, true, nil
		}
	}
	return embargo.ListVersion{}, false, nil
}

// UpdateAll updates each format in turn (one at a time: the lists are
// large and the machine may be small).
func UpdateAll(ctx context.Context, store embargo.Store, formats []source.Format, opt Options, each func(Result)) (failed int) {
	for _, f := range formats {
		r := Update(ctx, store, f, opt)
		if r.Status == Failed {
			failed++
		}
		each(r)
	}
	return failed
}

// ErrFailed is returned by commands when at least one source failed.
var ErrFailed = errors.New("fetch: update failed")

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
