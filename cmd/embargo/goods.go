package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"embargo"
	"embargo/goods"
	"embargo/goods/hs"
	"embargo/match"
)

func init() { commands = append(commands, newGoodsCmd) }

// goodsFlags are the flags of 'embargo goods check'.
type goodsFlags struct {
	s         goods.Shipment
	file      string
	hsFile    string
	noParties bool
	workers   int
}

func newGoodsCmd(m *Main) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "goods",
		Short: "Screen goods, shipments, capped deliveries and overseas labour against sectoral measures (DPRK UN, Russia CHPL)",
		Long: `Screen goods against the sectoral measures built into the binary: the UN Security Council's
measures on the DPRK (resolutions 1718 to 2397) and the Russia Common High Priority List.
Every answer names the measures it relied on with their status (verified, partial, unverified)
and the basis of the HS mapping (instrument, indicative, guess); see 'embargo goods measures'.

HS codes: without --hs-file only the chapter of a code is checked, against a chapter table built
into the binary; --hs-file PATH (the HS 2022 CSV: section,hscode,description,parent,level) checks
headings and subheadings and enables description search for shipments without a code.`,
	}
	cmd.AddCommand(newGoodsCheckCmd(m), newGoodsMeasuresCmd(m), newGoodsLedgerCmd(m), newGoodsLabourCmd(m))
	return cmd
}

func newGoodsCheckCmd(m *Main) *cobra.Command {
	var f goodsFlags
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Check one shipment (flags) or a file of shipments (--file shipments.csv|.jsonl)",
		Example: `  embargo goods check --hs 2701 --from KP --to CN --date 2017-09-01
  embargo goods check --hs 2701.12 --from KP --to CN --origin RU --via Rajin --date 2018-03-01 --attest advance-notification
  embargo goods check --file shipments.csv --json > verdicts.jsonl`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, notes, err := m.buildGoodsChecker(cmd.Context(), f)
			if err != nil {
				return err
			}
			for _, n := range notes {
				fmt.Fprintln(m.Stderr, "note:", n)
			}
			if f.file != "" {
				return m.goodsCheckFile(cmd.Context(), c, f)
			}
			v, err := c.Check(f.s)
			if err != nil {
				return err
			}
			if m.JSON {
				return m.writeJSON(v)
			}
			writeVerdict(m.Stdout, &v)
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.s.HS, "hs", "", "HS code, 2 to 10 digits (dots and spaces allowed)")
	fl.StringVar(&f.s.Description, "description", "", "goods description (searched for candidate codes when --hs is absent; needs --hs-file)")
	fl.StringVar(&f.s.From, "from", "", "country the goods are shipped from")
	fl.StringVar(&f.s.To, "to", "", "country of destination")
	fl.StringVar(&f.s.Origin, "origin", "", "country of origin of the goods")
	fl.StringVar(&f.s.Date, "date", "", "shipment date YYYY-MM-DD")
	fl.StringSliceVar(&f.s.Via, "via", nil, "transshipment port (name, UN/LOCODE or 'port, country'); repeatable")
	fl.Float64Var(&f.s.Quantity, "quantity", 0, "quantity")
	fl.StringVar(&f.s.Unit, "unit", "", "unit of the quantity")
	fl.Float64Var(&f.s.Value, "value", 0, "value in USD")
	fl.StringVar(&f.s.Shipper, "shipper", "", "shipper")
	fl.StringVar(&f.s.Consignee, "consignee", "", "consignee")
	fl.StringVar(&f.s.NotifyParty, "notify", "", "notify party")
	fl.StringArrayVar(&f.s.Parties, "party", nil, "further party to screen; repeatable")
	fl.StringVar(&f.s.Vessel, "vessel", "", "vessel name")
	fl.StringVar(&f.s.IMO, "imo", "", "vessel IMO number")
	fl.StringVar(&f.s.Flag, "flag", "", "vessel flag country")
	fl.StringSliceVar(&f.s.Attestations, "attest", nil, "facts you vouch for: advance-notification, prior-contract, livelihood, committee-approval, flight-fuel, civil-aircraft-parts")
	fl.StringVar(&f.file, "file", "", "file of shipments: .csv (columns "+strings.Join(goods.ShipmentColumns, ",")+") or .jsonl")
	fl.StringVar(&f.hsFile, "hs-file", "", "HS nomenclature CSV for full code validation and description search")
	fl.BoolVar(&f.noParties, "no-parties", false, "do not screen parties and vessels")
	fl.IntVar(&f.workers, "workers", 0, "goroutines checking a file (0: one per CPU)")
	return cmd
}

// partyScreener adapts match.Index to goods.PartyScreener.
type partyScreener struct {
	ix  *match.Index
	opt match.Options
}

func (p partyScreener) Screen(q embargo.Query) []embargo.Match { return p.ix.Screen(q, p.opt) }

// buildGoodsChecker wires the measures, the nomenclature and party screening.
func (m *Main) buildGoodsChecker(ctx context.Context, f goodsFlags) (*goods.Checker, []string, error) {
	ms, err := goods.Default()
	if err != nil {
		return nil, nil, err
	}
	c := &goods.Checker{Measures: ms}
	var notes []string
	if f.hsFile != "" {
		if c.Nomenclature, err = loadHS(f.hsFile); err != nil {
			return nil, nil, err
		}
	}
	if f.noParties {
		return c, notes, nil
	}
	if !hasParties(f) {
		return c, notes, nil
	}
	cat, err := m.Catalog(ctx)
	if err != nil {
		return nil, nil, err
	}
	if cat.Demo {
		notes = append(notes, "parties screened against the embedded demo subset, not the official lists")
	}
	c.Parties = partyScreener{ix: match.NewIndex(cat.Entities), opt: match.DefaultOptions()}
	return c, notes, nil
}

// hasParties reports whether there is anything to screen: a file may name
// parties, a single shipment only when its flags do.
func hasParties(f goodsFlags) bool {
	s := f.s
	return f.file != "" || s.Shipper != "" || s.Consignee != "" || s.NotifyParty != "" || len(s.Parties) > 0 || s.Vessel != "" || s.IMO != ""
}

func loadHS(path string) (*hs.Nomenclature, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return hs.Load(path, bufio.NewReader(fh))
}

// goodsCheckFile checks a file of shipments with a progress bar on stderr;
// --json writes one JSON object a line. Rows with bad input are reported
// and counted, and make the command fail once the file is done.
func (m *Main) goodsCheckFile(ctx context.Context, c *goods.Checker, f goodsFlags) error {
	fh, err := os.Open(f.file)
	if err != nil {
		return err
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return err
	}
	bar := progressbar.NewOptions64(st.Size(), progressbar.OptionSetWriter(m.Stderr), progressbar.OptionSetDescription("checking"),
		progressbar.OptionShowBytes(true), progressbar.OptionThrottle(200*time.Millisecond), progressbar.OptionClearOnFinish())
	pr := progressbar.NewReader(fh, bar)
	r, err := goods.NewShipmentReader(f.file, &pr)
	if err != nil {
		return err
	}
	out := bufio.NewWriterSize(m.Stdout, 1<<16)
	enc := json.NewEncoder(out)
	start := time.Now()
	sum, err := c.CheckAll(ctx, r, f.workers, func(res goods.Result) error {
		if m.JSON {
			return enc.Encode(res)
		}
		writeVerdictLine(out, res)
		return nil
	})
	_ = bar.Finish()
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	el := time.Since(start)
	fmt.Fprintf(m.Stderr, "%d rows in %s (%.0f rows/s): %d prohibited, %d review, %d clear, %d errors\n",
		sum.Rows, el.Round(time.Millisecond), float64(sum.Rows)/el.Seconds(), sum.Prohibited, sum.Review, sum.Clear, sum.Errors)
	if sum.Errors > 0 {
		return fmt.Errorf("%s: %d of %d rows could not be checked (see the error lines)", f.file, sum.Errors, sum.Rows)
	}
	return nil
}

func writeVerdictLine(w io.Writer, r goods.Result) {
	if r.Err != nil {
		fmt.Fprintf(w, "%s: ERROR %s\n", r.Pos, r.Error)
		return
	}
	v := r.Verdict
	var ids []string
	for _, h := range v.Measures {
		if h.Outcome != goods.Clear {
			ids = append(ids, h.ID+"="+string(h.Outcome))
		}
	}
	for _, p := range v.Parties {
		ids = append(ids, p.Role+":"+p.Name+"="+string(p.Outcome))
	}
	fmt.Fprintf(w, "%s: %s %s\n", r.Pos, strings.ToUpper(string(v.Verdict)), strings.Join(ids, " "))
}

func writeVerdict(w io.Writer, v *goods.Verdict) {
	fmt.Fprintf(w, "Verdict: %s\n", strings.ToUpper(string(v.Verdict)))
	if v.HS != nil {
		fmt.Fprintf(w, "HS %s (%s; checked to the %s): %s\n", v.HS.Code, v.HS.Level, v.HS.Validated, v.HS.Description)
	}
	for _, c := range v.Candidates {
		fmt.Fprintf(w, "Candidate HS %s (%.2f, review): %s\n", c.Code, c.Score, c.Description)
	}
	for _, h := range v.Measures {
		fmt.Fprintf(w, "\n%s  %s  [%s]\n  %s\n  measure %s, HS mapping %s\n  %s\n", strings.ToUpper(string(h.Outcome)), h.ID, h.Citation, h.Title, h.Status, h.Basis, h.Reason)
		for _, e := range h.Exemptions {
			fmt.Fprintf(w, "  exemption %s (%s): %s: %s\n", e.ID, e.Status, e.Outcome, e.Reason)
		}
	}
	for _, h := range v.NotInForce {
		fmt.Fprintf(w, "\nnot in force: %s [%s]: %s\n", h.ID, h.Citation, h.Reason)
	}
	if v.Vessel != nil {
		fmt.Fprintf(w, "\nVessel %s IMO %s flag %s: %s %s\n", v.Vessel.Name, v.Vessel.IMO, v.Vessel.Flag, v.Vessel.Outcome, strings.Join(v.Vessel.Findings, "; "))
	}
	for _, p := range v.Parties {
		for _, mt := range p.Matches {
			fmt.Fprintf(w, "Party %s %q: %s matches %s (%s, %.2f)\n", p.Role, p.Name, p.Outcome, mt.Caption, mt.EntityID, mt.Score)
		}
	}
	for _, n := range v.Notes {
		fmt.Fprintln(w, "note:", n)
	}
}

func newGoodsMeasuresCmd(m *Main) *cobra.Command {
	var regime string
	cmd := &cobra.Command{
		Use:   "measures",
		Short: "List the sectoral measures built into the binary, with status and HS basis",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ms, err := goods.Default()
			if err != nil {
				return err
			}
			list := ms.Regime(regime)
			if len(list) == 0 {
				return embargo.FieldError("regime", "no measures for regime %q (DPRK, RUSSIA)", regime)
			}
			if m.JSON {
				return m.writeJSON(list)
			}
			for _, x := range list {
				codes := make([]string, 0, len(x.Goods))
				for _, g := range x.Goods {
					codes = append(codes, g.HS+"("+string(g.Basis)+")")
				}
				ends := ""
				if e := x.Ends(); e != "" {
					ends = " until " + e
					if x.SupersededBy != "" {
						ends += " (superseded by " + x.SupersededBy + ")"
					}
				}
				fmt.Fprintf(m.Stdout, "%-18s %-10s %-11s %-12s %s from %s%s\n  %s\n", x.ID, x.Status, x.Direction, x.Effect, x.Citation(), x.Effective, ends, x.Title)
				if len(codes) > 0 {
					fmt.Fprintf(m.Stdout, "  HS: %s\n", strings.Join(codes, " "))
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&regime, "regime", "", "DPRK or RUSSIA (default all)")
	return cmd
}

func newGoodsLedgerCmd(m *Main) *cobra.Command {
	var file string
	cmd := &cobra.Command{
		Use:   "ledger",
		Short: "Account deliveries (refined petroleum, crude oil, coal) against the caps per period",
		Long: `Reads a CSV of deliveries (columns ` + strings.Join(goods.DeliveryColumns, ",") + `; product one of crude,
diesel, gasoline, kerosene, jet-fuel, aviation-gasoline, fuel-oil, naphtha, lpg, refined, coal; unit bbl, t or kg)
and shows, per cap and period, the share used, the deliveries that crossed each threshold and those beyond
the cap. Barrels and tonnes are converted per product; the factors and their sources are printed.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if file == "" {
				return fmt.Errorf("%w: --file is required", errUsage)
			}
			ms, err := goods.Default()
			if err != nil {
				return err
			}
			fh, err := os.Open(file)
			if err != nil {
				return err
			}
			defer fh.Close()
			ds, pos, rerr := goods.ReadDeliveries(file, fh)
			if ds == nil && rerr != nil {
				return rerr
			}
			l := &goods.Ledger{Measures: ms}
			var bad []string
			if rerr != nil {
				bad = append(bad, rerr.Error())
			}
			for i, d := range ds {
				if _, err := l.Add(d); err != nil {
					bad = append(bad, pos[i].String()+": "+err.Error())
				}
			}
			rep := l.Report()
			if m.JSON {
				if err := m.writeJSON(struct {
					goods.LedgerReport
					Errors []string `json:"errors"`
				}{rep, append([]string{}, bad...)}); err != nil {
					return err
				}
			} else {
				writeLedger(m.Stdout, &rep, bad)
			}
			if len(bad) > 0 {
				return fmt.Errorf("%s: %d rows could not be booked", file, len(bad))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&file, "file", "", "deliveries CSV")
	return cmd
}

func writeLedger(w io.Writer, rep *goods.LedgerReport, bad []string) {
	for _, a := range rep.Accounts {
		fmt.Fprintf(w, "%s [%s, measure %s] %s..%s: %.1f %% of the cap used, %d deliveries\n", a.Measure, a.Citation, a.Status, a.Period.From, a.Period.To, a.Share*100, a.Deliveries)
		for _, u := range a.Usage {
			fmt.Fprintf(w, "  %s: %.0f of %.0f (%.1f %%)\n", u.Unit, u.Used, u.Limit, u.Share*100)
		}
		for _, c := range a.Crossings {
			fmt.Fprintf(w, "  crossed %g %% with %s on %s (%.1f %% after it): %s [threshold %s]\n", c.Percent, c.Delivery, c.Date, c.Share*100, c.Action, c.Status)
		}
		if len(a.Over) > 0 {
			fmt.Fprintf(w, "  beyond the cap: %s\n", strings.Join(a.Over, ", "))
		}
		for _, n := range a.Notes {
			fmt.Fprintln(w, "  note:", n)
		}
	}
	for _, b := range rep.Other {
		by := ""
		if b.Prohibits != "" {
			by = " [" + b.Prohibits + "]"
		}
		fmt.Fprintf(w, "%s %s %g %s: %s%s\n", b.Delivery.Date, b.Delivery.Product, b.Delivery.Quantity, b.Delivery.Unit, b.Finding, by)
	}
	for _, f := range rep.Factors {
		if f.BarrelsPerT > 0 {
			fmt.Fprintf(w, "factor %s: %.2f bbl/t (%s; %s)\n", f.Product, f.BarrelsPerT, f.Source, f.Status)
		}
	}
	for _, b := range bad {
		fmt.Fprintln(w, "ERROR", b)
	}
}

func newGoodsLabourCmd(m *Main) *cobra.Command {
	var file, asOf string
	cmd := &cobra.Command{
		Use:   "labour",
		Short: "Check employment, visa or payroll records of DPRK nationals abroad (2371, 2375, 2397)",
		Long:  "Reads a CSV of records (columns " + strings.Join(goods.RecordColumns, ",") + "; nationality may list several, separated by ';').",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if file == "" {
				return fmt.Errorf("%w: --file is required", errUsage)
			}
			when := m.Now().UTC()
			if asOf != "" {
				t, err := goods.ParseDay("as-of", asOf)
				if err != nil {
					return err
				}
				when = t
			}
			ms, err := goods.Default()
			if err != nil {
				return err
			}
			fh, err := os.Open(file)
			if err != nil {
				return err
			}
			defer fh.Close()
			recs, pos, rerr := goods.ReadRecords(file, fh)
			if recs == nil && rerr != nil {
				return rerr
			}
			nbad := 0
			if rerr != nil {
				fmt.Fprintln(m.Stdout, "ERROR", rerr)
				nbad++
			}
			enc := json.NewEncoder(m.Stdout)
			for i, r := range recs {
				v, err := ms.CheckLabour(r, when)
				switch {
				case err != nil:
					nbad++
					if m.JSON {
						_ = enc.Encode(map[string]any{"pos": pos[i], "error": err.Error()})
					} else {
						fmt.Fprintf(m.Stdout, "%s: ERROR %v\n", pos[i], err)
					}
				case m.JSON:
					if err := enc.Encode(map[string]any{"pos": pos[i], "result": v}); err != nil {
						return err
					}
				default:
					fmt.Fprintf(m.Stdout, "%s: %s (as of %s)\n", pos[i], strings.ToUpper(string(v.Verdict)), v.AsOf)
					for _, f := range v.Findings {
						fmt.Fprintf(m.Stdout, "  %s %s [%s, %s]: %s\n", strings.ToUpper(string(f.Outcome)), f.Measure, f.Citation, f.Status, f.Reason)
					}
					for _, n := range v.Notes {
						fmt.Fprintln(m.Stdout, "  note:", n)
					}
				}
			}
			if nbad > 0 {
				return fmt.Errorf("%s: %d records could not be checked", file, nbad)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&file, "file", "", "records CSV")
	cmd.Flags().StringVar(&asOf, "as-of", "", "date to judge the records on (default today)")
	return cmd
}
