package goods

import (
	"fmt"
	"sort"
)

// LedgerReport is the state of every cap after the deliveries booked.
type LedgerReport struct {
	Accounts []Account `json:"accounts"`
	Other    []Booking `json:"other,omitempty"` // deliveries under no computable cap: banned, or no cap in force
	Factors  []Factor  `json:"factors"`         // the conversions used, with their sources
}

// Report accounts the booked deliveries in date order (a file's order is
// kept for deliveries of the same day): the share of each cap used, the
// deliveries that took it past each threshold and past the cap itself.
func (l *Ledger) Report() LedgerReport {
	books := append([]booked(nil), l.books...)
	sort.SliceStable(books, func(i, j int) bool { return books[i].date.Before(books[j].date) })
	type key struct{ m, from string }
	accounts := map[key]*Account{}
	var order []key
	used := map[string]Factor{}
	var rep LedgerReport
	for _, b := range books {
		if b.Factor != nil {
			used[b.Factor.Product] = *b.Factor
		}
		if b.Measure == "" {
			rep.Other = append(rep.Other, b.Booking)
			continue
		}
		m := l.Measures.byID[b.Measure]
		k := key{m.ID, b.Period.From}
		a, ok := accounts[k]
		if !ok {
			a = newAccount(m, b.Period)
			accounts[k] = a
			order = append(order, k)
		}
		book(a, m, b.Booking)
	}
	for _, k := range order {
		rep.Accounts = append(rep.Accounts, *accounts[k])
	}
	for _, f := range used {
		rep.Factors = append(rep.Factors, f)
	}
	sort.Slice(rep.Factors, func(i, j int) bool { return rep.Factors[i].Product < rep.Factors[j].Product })
	return rep
}

func newAccount(m *Measure, p Period) *Account {
	a := &Account{Measure: m.ID, Citation: m.Citation(), Status: m.Status, Period: p, Rule: m.Cap.Rule,
		Crossings: []Crossing{}, Over: []string{}}
	for _, lim := range m.Cap.Limits {
		a.Usage = append(a.Usage, Usage{Unit: lim.Unit, Limit: lim.Quantity})
	}
	return a
}

// book adds one delivery to an account and records the thresholds it crossed.
func book(a *Account, m *Measure, b Booking) {
	before := a.Share
	a.Deliveries++
	ref := b.Delivery.Ref
	if ref == "" {
		ref = fmt.Sprintf("%s #%d", b.Delivery.Date, a.Deliveries)
	}
	for i := range a.Usage {
		u := &a.Usage[i]
		switch u.Unit {
		case "bbl":
			u.Used += b.Barrels
		case "t":
			u.Used += b.Tonnes
		case "USD":
			if b.Delivery.Value <= 0 {
				a.note(fmt.Sprintf("delivery %s has no USD value: the USD limit's share is understated", ref))
			}
			u.Used += b.Delivery.Value
		}
		u.Share = u.Used / u.Limit
		if u.Share > a.Share {
			a.Share = u.Share
		}
	}
	for _, t := range m.Cap.Thresholds {
		if p := t.Percent / 100; before < p && a.Share >= p {
			a.Crossings = append(a.Crossings, Crossing{Percent: t.Percent, Action: t.Action, Status: t.Status, Delivery: ref, Date: b.Delivery.Date, Share: a.Share})
		}
	}
	if a.Share > 1 {
		if before <= 1 {
			a.Crossings = append(a.Crossings, Crossing{Percent: 100, Action: "cap exceeded: this and later deliveries in the period are beyond what the resolution allows", Status: m.Status, Delivery: ref, Date: b.Delivery.Date, Share: a.Share})
		}
		a.Over = append(a.Over, ref)
	}
}

func (a *Account) note(s string) {
	for _, n := range a.Notes {
		if n == s {
			return
		}
	}
	a.Notes = append(a.Notes, s)
}
