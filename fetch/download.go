package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"embargo"
	"embargo/source"
)

type downloader struct {
	client  *http.Client
	timeout time.Duration
	max     int64
	store   embargo.Store
	vals    Validators // nil when the store keeps none
	source  string
	multi   bool // the list has several files: messages name the file
}

func newDownloader(opt Options, store embargo.Store, src string) *downloader {
	d := &downloader{client: opt.Client, timeout: opt.Timeout, max: opt.MaxBytes, store: store, source: src}
	if d.client == nil {
		d.client = &http.Client{}
	}
	if d.timeout <= 0 {
		d.timeout = DefaultTimeout
	}
	if d.max <= 0 {
		d.max = DefaultMaxBytes
	}
	d.vals, _ = store.(Validators)
	return d
}

// validator is what a server said of one URL, to remember after import.
type validator struct{ url, etag, lastModified string }

// all downloads every file of a list. With a version in force it first
// asks conditionally; when every file is unmodified (304) it returns
// notModified. A list of several files is parsed as a whole, so when only
// some are unmodified the others are fetched again in full.
func (d *downloader) all(ctx context.Context, f source.Format, urls []string, conditional bool) ([]source.File, []validator, bool, error) {
	d.multi = len(urls) > 1
	files := make([]source.File, len(urls))
	vals := make([]validator, len(urls))
	unmodified := 0
	for k, u := range urls {
		file, v, notMod, err := d.one(ctx, f, u, conditional)
		if err != nil {
			return nil, nil, false, err
		}
		files[k], vals[k] = file, v
		if notMod {
			unmodified++
		}
	}
	if unmodified == len(urls) {
		return nil, nil, true, nil
	}
	for k, u := range urls {
		if files[k].Data != nil {
			continue
		}
		file, v, _, err := d.one(ctx, f, u, false)
		if err != nil {
			return nil, nil, false, err
		}
		files[k], vals[k] = file, v
	}
	return files, vals, false, nil
}

// one downloads u within the per-request timeout and checks that the body
// is the format's file and not an error page.
func (d *downloader) one(ctx context.Context, f source.Format, u string, conditional bool) (source.File, validator, bool, error) {
	ctx, cancel := context.WithTimeout(ctx, d.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return source.File{}, validator{}, false, fmt.Errorf("%s: %w", u, err)
	}
	req.Header.Set("User-Agent", UserAgent)
	if conditional && d.vals != nil {
		etag, lm, err := d.vals.FetchState(ctx, d.source, u)
		if err != nil {
			return source.File{}, validator{}, false, err
		}
		if etag != "" {
			req.Header.Set("If-None-Match", etag)
		}
		if lm != "" {
			req.Header.Set("If-Modified-Since", lm)
		}
	}
	resp, err := d.client.Do(req)
	if err != nil {
		return source.File{}, validator{}, false, d.netError(u, err)
	}
	defer resp.Body.Close()
	v := validator{url: u, etag: resp.Header.Get("ETag"), lastModified: resp.Header.Get("Last-Modified")}
	switch {
	case resp.StatusCode == http.StatusNotModified && conditional:
		return source.File{}, v, true, nil
	case resp.StatusCode != http.StatusOK:
		return source.File{}, v, false, embargo.Errorf(embargo.EUNAVAILABLE, "%sserver returned %s", d.where(u), resp.Status)
	}
	if resp.ContentLength > d.max {
		return source.File{}, v, false, embargo.Errorf(embargo.ETOOLARGE, "%sfile of %d bytes is larger than the limit of %d bytes", d.where(u), resp.ContentLength, d.max)
	}
	file, err := source.ReadAll(u, resp.Body, d.max)
	if err != nil {
		var e *embargo.Error
		if errors.As(err, &e) {
			return source.File{}, v, false, err
		}
		return source.File{}, v, false, d.netError(u, err)
	}
	// Declared length vs received: Go reports a short body as an error
	// already; this catches servers that lie with a longer Content-Length
	// on a closed connection before the transport notices.
	if resp.ContentLength > 0 && int64(len(file.Data)) != resp.ContentLength {
		return source.File{}, v, false, embargo.Errorf(embargo.EUNAVAILABLE, "%sdownload truncated: got %d of %d bytes", d.where(u), len(file.Data), resp.ContentLength)
	}
	if err := check(f, d.where(u), u, file.Data); err != nil {
		return source.File{}, v, false, err
	}
	return file, v, false, nil
}

// where prefixes a message with the file name when the list has several.
func (d *downloader) where(u string) string {
	if d.multi {
		return fileName(u) + ": "
	}
	return ""
}

func (d *downloader) netError(u string, err error) error {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return embargo.Errorf(embargo.EUNAVAILABLE, "%stimed out after %s", d.where(u), d.timeout)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return embargo.Errorf(embargo.EUNAVAILABLE, "%sdownload truncated (connection closed early)", d.where(u))
	}
	return &embargo.Error{Kind: embargo.EUNAVAILABLE, Message: d.where(u) + "download failed: " + rootCause(err)}
}

// check refuses a body that the format does not recognise, saying what it
// is instead (an HTML error page, a JSON status message, nothing).
func check(f source.Format, where, u string, data []byte) error {
	name := fileName(u)
	head := data
	if len(head) > source.HeadSize {
		head = head[:source.HeadSize]
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	if f.Detect(name, head) {
		return nil
	}
	return embargo.Errorf(embargo.EINVALID, "%sserver returned %s instead of %s", where, describe(head), expected(f, name))
}

// fileName is the official file name a URL serves (detection may look at it).
func fileName(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	return path.Base(p.Path)
}

// describe says what a body looks like, for messages.
func describe(head []byte) string {
	t := bytes.TrimSpace(head)
	l := bytes.ToLower(t)
	switch {
	case len(t) == 0:
		return "an empty body"
	case bytes.HasPrefix(l, []byte("<!doctype html")) || bytes.HasPrefix(l, []byte("<html")) ||
		(bytes.HasPrefix(l, []byte("<")) && bytes.Contains(l, []byte("<body"))):
		return "HTML"
	case bytes.HasPrefix(t, []byte("{")) || bytes.HasPrefix(t, []byte("[")):
		return "JSON " + quote(t)
	case bytes.HasPrefix(t, []byte("<")):
		return "other XML " + quote(t)
	}
	return "other content " + quote(t)
}

func quote(b []byte) string {
	s := strings.Join(strings.Fields(string(b)), " ")
	if len(s) > 80 {
		s = s[:80] + "..."
	}
	return fmt.Sprintf("%q", s)
}

// expected names what the URL should serve, from its extension.
func expected(f source.Format, name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".xml":
		return "XML"
	case ".csv":
		return "CSV"
	case ".json":
		return "JSON"
	case ".xlsx":
		return "an Excel workbook"
	}
	return "a " + f.Info().Name + " file"
}

// remember stores the validators of a good download.
func (d *downloader) remember(ctx context.Context, vals []validator) error {
	if d.vals == nil {
		return nil
	}
	for _, v := range vals {
		if err := d.vals.SetFetchState(ctx, d.source, v.url, v.etag, v.lastModified); err != nil {
			return err
		}
	}
	return nil
}

// rootCause is the innermost error's message (net/http wraps "Get URL: dial
// tcp ...: connection refused"; the URL is known to the reader).
func rootCause(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err.Error()
	}
	return err.Error()
}
