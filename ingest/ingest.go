// Package ingest turns list files into a stored list version: detect the
// format from the content (or take the one named), parse every file fully,
// hash the content, and import it into the store in one transaction. A file
// that is refused stores nothing.
package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"embargo"
	"embargo/source"
)

// Import parses files as one version of one list and stores it. formatName
// names the format or the source ("unsc", "un", "ofac"); "" detects it from
// the content. Problems are the per-record problems the parser reported (the
// version is stored with them counted). created is false when the store
// already held this exact content.
func Import(ctx context.Context, store embargo.Store, files []source.File, formatName string) (v embargo.ListVersion, created bool, problems source.ErrorList, err error) {
	f, err := Format(files, formatName)
	if err != nil {
		return v, false, nil, err
	}
	res, err := f.Parse(files)
	if err != nil {
		return v, false, nil, err
	}
	info := f.Info()
	if len(res.Entities) == 0 {
		// An empty list would replace the one in force and clear every
		// screening: refuse it as a broken file rather than trust it.
		return v, false, res.Problems, &embargo.Error{Kind: embargo.EINVALID, Field: Origin(files),
			Message: fmt.Sprintf("%s: no entity could be read (%d problems)", info.Name, len(res.Problems)), Err: source.ErrFormat}
	}
	v = embargo.ListVersion{
		Source:    info.Source,
		Hash:      Hash(files),
		Origin:    Origin(files),
		Format:    info.Name,
		Published: res.Published,
		Problems:  len(res.Problems),
	}
	v, created, err = store.Import(ctx, v, res.Entities)
	if err != nil {
		return v, false, res.Problems, err
	}
	return v, created, res.Problems, nil
}

// Format returns the format named by name (a format or source name) or,
// when name is "", the one format the files' content shows. Files a set
// needs beside its main file (OFAC add.csv, alt.csv) need not be detected
// on their own: the parser checks them.
func Format(files []source.File, name string) (source.Format, error) {
	if len(files) == 0 {
		return nil, embargo.Errorf(embargo.EINVALID, "no file to import")
	}
	if name != "" {
		f, ok := source.Lookup(name)
		if !ok {
			return nil, embargo.FieldError("source", "unknown list format or source %q (known: %s)", name, known())
		}
		return f, nil
	}
	var found source.Format
	var firstErr error
	for _, file := range files {
		f, err := source.Detect(file.Name, file.Data)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if found != nil && f.Info().Name != found.Info().Name {
			return nil, embargo.Errorf(embargo.EINVALID, "%s is %s but an earlier file is %s: import one list at a time",
				file.Name, f.Info().Name, found.Info().Name)
		}
		found = f
	}
	if found == nil {
		return nil, firstErr
	}
	return found, nil
}

func known() string {
	var names []string
	for _, f := range source.All() {
		names = append(names, f.Info().Name)
	}
	return strings.Join(names, ", ")
}

// Hash is the sha256 of the content: for one file, what sha256sum prints
// for it; for a set (the OFAC CSV files), the sha256 of the files' content
// concatenated in the order of their own sha256, so that the same set given
// in another order is the same version.
func Hash(files []source.File) string {
	if len(files) == 1 {
		sum := sha256.Sum256(files[0].Data)
		return hex.EncodeToString(sum[:])
	}
	type part struct {
		sum  [sha256.Size]byte
		data []byte
	}
	parts := make([]part, len(files))
	for i, f := range files {
		parts[i] = part{sha256.Sum256(f.Data), f.Data}
	}
	sort.Slice(parts, func(i, j int) bool { return bytes.Compare(parts[i].sum[:], parts[j].sum[:]) < 0 })
	h := sha256.New()
	for _, p := range parts {
		h.Write(p.data)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Origin names the files: their paths or URLs, space-separated.
func Origin(files []source.File) string {
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Name
	}
	return strings.Join(names, " ")
}
