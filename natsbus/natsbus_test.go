package natsbus_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"embargo"
	"embargo/internal/natstest"
	"embargo/natsbus"
)

// fakeStore stores nothing and numbers versions, failing on demand.
type fakeStore struct {
	embargo.Store
	n    int64
	fail bool
}

func (s *fakeStore) Import(_ context.Context, v embargo.ListVersion, _ []embargo.Entity) (embargo.ListVersion, bool, error) {
	if s.fail {
		return v, false, errors.New("disk full")
	}
	if v.Hash == "same" && s.n > 0 {
		return embargo.ListVersion{Source: v.Source, Version: s.n, Hash: v.Hash}, false, nil
	}
	s.n++
	v.Version, v.ImportedAt = s.n, time.Now()
	return v, true, nil
}

func TestAnnounceAndWatch(t *testing.T) {
	url := natstest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	watcher, err := natsbus.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer watcher.Close()
	got := make(chan natsbus.Announcement, 10)
	if err := watcher.Watch(ctx, func(a natsbus.Announcement) { got <- a }, func(err error) { t.Error(err) }); err != nil {
		t.Fatal(err)
	}

	pub, err := natsbus.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Close()
	fs := &fakeStore{}
	s := natsbus.AnnouncingStore{Store: fs, Bus: pub}
	if _, _, err := s.Import(ctx, embargo.ListVersion{Source: "un", Hash: "same", Entities: 1003}, nil); err != nil {
		t.Fatal(err)
	}
	// The same content again is not a new version: no announcement.
	if _, created, err := s.Import(ctx, embargo.ListVersion{Source: "un", Hash: "same"}, nil); err != nil || created {
		t.Fatalf("second import: created %v, %v", created, err)
	}
	// A failed import announces nothing.
	fs.fail = true
	if _, _, err := s.Import(ctx, embargo.ListVersion{Source: "ofac", Hash: "h2"}, nil); err == nil {
		t.Fatal("want the store's error")
	}
	fs.fail = false
	if _, _, err := s.Import(ctx, embargo.ListVersion{Source: "ofac", Hash: "h3", Entities: 9}, nil); err != nil {
		t.Fatal(err)
	}

	var seen []natsbus.Announcement
	for len(seen) < 2 {
		select {
		case a := <-got:
			seen = append(seen, a)
		case <-ctx.Done():
			t.Fatalf("announcements seen: %+v", seen)
		}
	}
	if seen[0].Source != "un" || seen[0].Version != 1 || seen[0].Entities != 1003 || seen[1].Source != "ofac" || seen[1].Version != 2 {
		t.Fatalf("announcements: %+v", seen)
	}
	select {
	case a := <-got:
		t.Fatalf("unexpected announcement %+v", a)
	case <-time.After(300 * time.Millisecond):
	}
	hist, err := pub.History(ctx)
	if err != nil || len(hist) != 2 || hist[1].Hash != "h3" {
		t.Fatalf("history: %+v %v", hist, err)
	}
	// A retried announcement of the same version is stored once.
	if err := pub.Announce(ctx, embargo.ListVersion{Source: "ofac", Version: 2, Hash: "h3"}); err != nil {
		t.Fatal(err)
	}
	if hist, _ := pub.History(ctx); len(hist) != 2 {
		t.Fatalf("after a retried announcement: %d held", len(hist))
	}
}

func TestConnectRefused(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := natsbus.Connect(ctx, "nats://127.0.0.1:1"); err == nil {
		t.Fatal("connected to nothing")
	}
}

type validatingStore struct {
	fakeStore
	etags map[string]string
}

func (s *validatingStore) FetchState(_ context.Context, source, url string) (string, string, error) {
	return s.etags[source+" "+url], "", nil
}

func (s *validatingStore) SetFetchState(_ context.Context, source, url, etag, _ string) error {
	s.etags[source+" "+url] = etag
	return nil
}

// The wrapper keeps the wrapped store's download validators (fetch checks
// for them with a type assertion: conditional requests must survive --nats).
func TestAnnouncingStoreKeepsValidators(t *testing.T) {
	inner := &validatingStore{etags: map[string]string{}}
	var s interface {
		FetchState(ctx context.Context, source, url string) (string, string, error)
		SetFetchState(ctx context.Context, source, url, etag, lastModified string) error
	} = natsbus.AnnouncingStore{Store: inner}
	ctx := context.Background()
	if err := s.SetFetchState(ctx, "un", "https://x", `"abc"`, ""); err != nil {
		t.Fatal(err)
	}
	if etag, _, _ := s.FetchState(ctx, "un", "https://x"); etag != `"abc"` {
		t.Fatalf("etag %q", etag)
	}
	if etag, _, err := (natsbus.AnnouncingStore{Store: &fakeStore{}}).FetchState(ctx, "un", "https://x"); etag != "" || err != nil {
		t.Fatalf("a store without validators: %q %v", etag, err)
	}
}
