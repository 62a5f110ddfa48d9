// Package natsbus connects embargo processes through NATS JetStream when
// one machine is not enough: several servers screen behind a load balancer
// on one PostgreSQL store, and whichever process stores a new list version
// (`embargo update` on a schedule, `lists import`) announces it on the
// stream EMBARGO_LISTS. Every server reloads on the announcement, within
// milliseconds, instead of each polling the store every minute; the store
// stays the one source of truth (an announcement only says "look").
//
// The stream keeps the last announcements per list, on disk, so that a
// server that was down while a list changed finds the change in the store
// at start anyway, and the history of announcements can be read back.
package natsbus

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"embargo"
)

const (
	// Stream is the JetStream stream of list-version announcements.
	Stream = "EMBARGO_LISTS"
	// subjectPrefix + source is an announcement's subject: embargo.lists.un.
	subjectPrefix = "embargo.lists."
)

// Announcement says that a new version of a list is in the store.
type Announcement struct {
	Source    string       `json:"source"`
	Version   int64        `json:"version"`
	Published embargo.Date `json:"published,omitzero"`
	Entities  int          `json:"entities"`
	Hash      string       `json:"hash"`
	Stored    time.Time    `json:"stored_at"`
}

// Bus is a connection to NATS with the embargo stream in place.
type Bus struct {
	nc *nats.Conn
	js jetstream.JetStream
}

// Connect dials url (nats://host:4222) and creates or updates the stream.
func Connect(ctx context.Context, url string) (*Bus, error) {
	nc, err := nats.Connect(url, nats.Name("embargo"), nats.Timeout(5*time.Second), nats.MaxReconnects(-1))
	if err != nil {
		return nil, fmt.Errorf("nats %s: %w", url, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("nats %s: jetstream: %w", url, err)
	}
	_, err = js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:              Stream,
		Description:       "embargo: a new list version is in the store",
		Subjects:          []string{subjectPrefix + ">"},
		Storage:           jetstream.FileStorage,
		MaxMsgsPerSubject: 64,
		Discard:           jetstream.DiscardOld,
		Duplicates:        10 * time.Minute,
	})
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("nats %s: stream %s: %w", url, Stream, err)
	}
	return &Bus{nc: nc, js: js}, nil
}

// Announce publishes that v is stored and waits for JetStream to keep it.
// The message id is the version's hash, so that a retried announcement is
// stored once.
func (b *Bus) Announce(ctx context.Context, v embargo.ListVersion) error {
	a := Announcement{Source: v.Source, Version: v.Version, Published: v.Published, Entities: v.Entities, Hash: v.Hash, Stored: v.ImportedAt.UTC()}
	data, err := json.Marshal(a)
	if err != nil {
		return err
	}
	_, err = b.js.Publish(ctx, subjectPrefix+v.Source, data, jetstream.WithMsgID(fmt.Sprintf("%s/%d/%s", v.Source, v.Version, v.Hash)))
	if err != nil {
		return fmt.Errorf("nats: announce %s version %d: %w", v.Source, v.Version, err)
	}
	return nil
}

// Watch calls fn for every announcement published from now on, in order,
// until ctx ends. A message that is not an announcement is reported to bad
// and skipped.
func (b *Bus) Watch(ctx context.Context, fn func(Announcement), bad func(error)) error {
	c, err := b.js.OrderedConsumer(ctx, Stream, jetstream.OrderedConsumerConfig{DeliverPolicy: jetstream.DeliverNewPolicy})
	if err != nil {
		return fmt.Errorf("nats: watch %s: %w", Stream, err)
	}
	cc, err := c.Consume(func(m jetstream.Msg) {
		var a Announcement
		if err := json.Unmarshal(m.Data(), &a); err != nil || a.Source == "" {
			if bad != nil {
				bad(fmt.Errorf("nats: %s: not an announcement: %.80q", m.Subject(), m.Data()))
			}
			return
		}
		fn(a)
	})
	if err != nil {
		return fmt.Errorf("nats: watch %s: %w", Stream, err)
	}
	go func() {
		<-ctx.Done()
		cc.Stop()
	}()
	return nil
}

// History returns the announcements the stream holds, oldest first.
func (b *Bus) History(ctx context.Context) ([]Announcement, error) {
	c, err := b.js.OrderedConsumer(ctx, Stream, jetstream.OrderedConsumerConfig{DeliverPolicy: jetstream.DeliverAllPolicy})
	if err != nil {
		return nil, fmt.Errorf("nats: %s: %w", Stream, err)
	}
	info, err := b.js.Stream(ctx, Stream)
	if err != nil {
		return nil, fmt.Errorf("nats: %s: %w", Stream, err)
	}
	n := info.CachedInfo().State.Msgs
	var out []Announcement
	for uint64(len(out)) < n {
		m, err := c.Next(jetstream.FetchMaxWait(5 * time.Second))
		if err != nil {
			return out, fmt.Errorf("nats: %s: %w", Stream, err)
		}
		var a Announcement
		if json.Unmarshal(m.Data(), &a) == nil {
			out = append(out, a)
		} else {
			n-- // counted, not an announcement
		}
	}
	return out, nil
}

// Close closes the connection.
func (b *Bus) Close() error {
	b.nc.Close()
	return nil
}

// AnnouncingStore is a store that announces every new version it stores.
// The announcement follows the commit: a failed import announces nothing,
// and a failed announcement leaves the version stored (servers polling
// the store still find it) and is returned as the error.
type AnnouncingStore struct {
	embargo.Store
	Bus *Bus
}

// Import stores the version, then announces it when it is new.
func (s AnnouncingStore) Import(ctx context.Context, v embargo.ListVersion, ents []embargo.Entity) (embargo.ListVersion, bool, error) {
	stored, created, err := s.Store.Import(ctx, v, ents)
	if err != nil || !created {
		return stored, created, err
	}
	if err := s.Bus.Announce(ctx, stored); err != nil {
		return stored, created, fmt.Errorf("%s version %d is stored, but %w", stored.Source, stored.Version, err)
	}
	return stored, created, nil
}

// fetchState is what stores that remember download validators offer
// (fetch.Validators): the wrapper passes it through, so that `update`
// keeps its conditional requests when it announces.
type fetchState interface {
	FetchState(ctx context.Context, source, url string) (etag, lastModified string, err error)
	SetFetchState(ctx context.Context, source, url, etag, lastModified string) error
}

// FetchState is the wrapped store's, or nothing known.
func (s AnnouncingStore) FetchState(ctx context.Context, source, url string) (string, string, error) {
	if v, ok := s.Store.(fetchState); ok {
		return v.FetchState(ctx, source, url)
	}
	return "", "", nil
}

// SetFetchState is the wrapped store's, or nothing kept.
func (s AnnouncingStore) SetFetchState(ctx context.Context, source, url, etag, lastModified string) error {
	if v, ok := s.Store.(fetchState); ok {
		return v.SetFetchState(ctx, source, url, etag, lastModified)
	}
	return nil
}

// Unwrap returns the wrapped store, for the optional methods a caller
// looks for on the store itself.
func (s AnnouncingStore) Unwrap() embargo.Store { return s.Store }
