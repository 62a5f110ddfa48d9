package httpapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"embargo"
	"embargo/country"
	"embargo/match"
)

// The yente-compatible /match/{dataset} endpoint: FollowTheMoney-style
// queries in, yente's response shape out, so that existing yente clients
// can switch without code changes.

type ftmExample struct {
	ID         string                     `json:"id,omitempty"`
	Schema     string                     `json:"schema"`
	Properties map[string]json.RawMessage `json:"properties"`
}

type ftmMatchRequest struct {
	Queries map[string]ftmExample `json:"queries"`
	Weights map[string]float64    `json:"weights,omitempty"` // accepted for compatibility; embargo's weights are its own
	Config  map[string]any        `json:"config,omitempty"`  // yente's algorithm settings: accepted, not used
}

type ftmTotal struct {
	Value    int    `json:"value"`
	Relation string `json:"relation"`
}

type ftmResult struct {
	ID           string                `json:"id"`
	Caption      string                `json:"caption"`
	Schema       string                `json:"schema"`
	Properties   map[string][]string   `json:"properties"`
	Datasets     []string              `json:"datasets"`
	Referents    []string              `json:"referents"`
	Target       bool                  `json:"target"`
	Score        float64               `json:"score"`
	Features     map[string]float64    `json:"features"`
	Match        bool                  `json:"match"`
	Explanations []embargo.Explanation `json:"explanations"`
}

type ftmMatches struct {
	Status  int         `json:"status"`
	Results []ftmResult `json:"results"`
	Total   ftmTotal    `json:"total"`
	Query   ftmExample  `json:"query"`
}

type ftmMatchResponse struct {
	Responses map[string]ftmMatches `json:"responses"`
	Matcher   map[string]any        `json:"matcher"`
	Limit     int                   `json:"limit"`
	Embargo   answerMeta            `json:"embargo"` // list versions, staleness, demo notice
}

// ftmIgnored are FtM properties a query may carry that embargo does not
// score; they are accepted so that yente clients work unchanged.
var ftmIgnored = map[string]bool{
	"address": true, "addressEntity": true, "email": true, "phone": true, "website": true, "notes": true,
	"position": true, "topics": true, "sourceUrl": true, "wikidataId": true, "leiCode": true, "ogrnCode": true,
	"innCode": true, "kppCode": true, "okpoCode": true, "dunsCode": true, "incorporationDate": true,
	"dissolutionDate": true, "title": true, "legalForm": true, "status": true, "sector": true, "summary": true,
	"description": true, "keywords": true, "weakAlias": true, "previousName": true, "classification": true,
	"deathDate": true, "birthPlace": true, "religion": true, "ethnicity": true, "education": true, "political": true,
	"flag": true, "type": true, "buildDate": true, "tonnage": true, "grossRegisteredTonnage": true, "owner": true,
}

func (s *Server) handleMatch(w http.ResponseWriter, r *http.Request) error {
	st, err := s.ready()
	if err != nil {
		return err
	}
	var req ftmMatchRequest
	if err := s.decode(w, r, &req); err != nil {
		return err
	}
	if len(req.Queries) == 0 {
		return embargo.FieldError("queries", "at least one query is required")
	}
	if err := s.checkBatch(len(req.Queries)); err != nil {
		return err
	}
	p := r.URL.Query()
	var threshold *float64
	if t := p.Get("threshold"); t != "" {
		v, err := strconv.ParseFloat(t, 64)
		if err != nil {
			return embargo.FieldError("threshold", "want a number between 0 and 1")
		}
		threshold = &v
	}
	limit, err := intParam(p.Get("limit"), 5, 1, 500, "limit")
	if err != nil {
		return err
	}
	opt, err := s.options(threshold, limit, nil)
	if err != nil {
		return err
	}
	if ds := r.PathValue("dataset"); ds != "default" && ds != "all" {
		opt.Sources = []string{ds}
		if !st.hasSource(ds) {
			return embargo.Errorf(embargo.ENOTFOUND, "no dataset %q (use default, or a source such as un or ofac)", ds)
		}
	}
	none, err := yenteFilters(p, &opt)
	if err != nil {
		return err
	}
	cutoff := 0.0
	if c := p.Get("cutoff"); c != "" {
		if cutoff, err = strconv.ParseFloat(c, 64); err != nil {
			return embargo.FieldError("cutoff", "want a number between 0 and 1")
		}
	}
	meta := s.meta(r, st, opt.Threshold)
	resp := ftmMatchResponse{Responses: map[string]ftmMatches{}, Limit: opt.Limit, Embargo: meta,
		Matcher: map[string]any{"name": "embargo", "algorithm_requested": p.Get("algorithm"),
			"description": "embargo's name, date, country and identifier scoring (see explanations)"}}
	keys := make([]string, 0, len(req.Queries))
	for k := range req.Queries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		ex := req.Queries[key]
		q, err := ex.toQuery("queries." + key)
		if err != nil {
			return err
		}
		var ms []embargo.Match
		if !none {
			ms = st.Index.Screen(q, opt)
		}
		out := ftmMatches{Status: http.StatusOK, Results: []ftmResult{}, Query: ex}
		for _, m := range ms {
			if m.Score < cutoff {
				continue
			}
			out.Results = append(out.Results, st.ftmResult(m))
		}
		out.Total = ftmTotal{Value: len(out.Results), Relation: "eq"}
		resp.Responses[key] = out
		s.audit(r, st, "match", q, opt.Threshold, ms)
	}
	writeJSON(w, http.StatusOK, resp)
	return nil
}

// yenteFilters reads yente's result filters: include_dataset (within the
// path's dataset), exclude_dataset, exclude_schema, exclude_entity_ids, and
// topics (every entity embargo holds is a sanction listing: asking only for
// other topics finds nothing). changed_since is accepted and not applied:
// screening everything returns more, never fewer, hits. none is true when
// the filters leave no entity at all.
func yenteFilters(p url.Values, opt *match.Options) (none bool, err error) {
	if inc := p["include_dataset"]; len(inc) > 0 {
		if len(opt.Sources) > 0 {
			inc = slices.DeleteFunc(slices.Clone(inc), func(ds string) bool { return !slices.Contains(opt.Sources, ds) })
			none = len(inc) == 0 // the path's dataset and include_dataset share nothing
		}
		opt.Sources = inc
	}
	opt.ExcludeSources = p["exclude_dataset"]
	for i, name := range p["exclude_schema"] {
		sc, ok := embargo.ParseSchema(name)
		if !ok || sc == embargo.Thing {
			return false, embargo.FieldError(fmt.Sprintf("exclude_schema[%d]", i), "unknown schema %q", name)
		}
		opt.ExcludeSchemas = append(opt.ExcludeSchemas, sc)
	}
	opt.ExcludeIDs = p["exclude_entity_ids"]
	if topics := p["topics"]; len(topics) > 0 && !slices.ContainsFunc(topics, func(t string) bool { return strings.HasPrefix(t, "sanction") }) {
		none = true
	}
	return none, nil
}

func (st *State) hasSource(src string) bool {
	for _, v := range st.Catalog.Versions {
		if v.Source == src {
			return true
		}
	}
	for i := range st.Catalog.Entities {
		if st.Catalog.Entities[i].Source == src {
			return true
		}
	}
	return false
}

// strings reads an FtM property value: a string or an array of strings.
func ftmStrings(raw json.RawMessage, field string) ([]string, error) {
	var one string
	if err := json.Unmarshal(raw, &one); err == nil {
		return []string{one}, nil
	}
	var many []string
	if err := json.Unmarshal(raw, &many); err != nil {
		return nil, embargo.FieldError(field, "want a string or an array of strings")
	}
	return many, nil
}

func (ex ftmExample) toQuery(field string) (embargo.Query, error) {
	var q embargo.Query
	schema, ok := embargo.ParseSchema(ex.Schema)
	if !ok {
		switch ex.Schema {
		case "Airplane":
			schema = embargo.Aircraft
		default:
			return q, embargo.FieldError(field+".schema", "unknown schema %q", ex.Schema)
		}
	}
	q.Schema = schema
	var first, middle, last, father []string
	for name, raw := range ex.Properties {
		f := field + ".properties." + name
		vals, err := ftmStrings(raw, f)
		if err != nil {
			return q, err
		}
		switch name {
		case "name", "alias":
			for _, v := range vals {
				if len(v) > maxName {
					return q, embargo.FieldError(f, "a name longer than %d bytes", maxName)
				}
			}
			q.Names = append(q.Names, vals...)
			if len(q.Names) > maxNames {
				return q, embargo.FieldError(f, "more than %d names", maxNames)
			}
		case "firstName":
			first = vals
		case "middleName", "secondName":
			middle = vals
		case "lastName":
			last = vals
		case "fatherName", "patronymic":
			father = vals
		case "birthDate":
			for _, v := range vals {
				if len(v) > 10 {
					v = v[:10]
				}
				d, err := embargo.ParseDate(v)
				if err != nil {
					return q, embargo.FieldError(f, "%v", err)
				}
				if q.BirthDate.IsZero() {
					q.BirthDate = d
				}
			}
		case "nationality", "citizenship", "jurisdiction", "country", "mainCountry":
			for _, v := range vals {
				if c, ok := country.Code(v); ok {
					q.Countries = append(q.Countries, c)
				} else if name != "country" && name != "mainCountry" {
					return q, embargo.FieldError(f, "unknown country %q", v)
				}
			}
		case "gender":
			if len(vals) > 0 {
				q.Gender = strings.ToLower(vals[0])
			}
		case "imoNumber":
			q.Identifiers = appendIDs(q.Identifiers, embargo.IMO, vals)
		case "mmsi":
			q.Identifiers = appendIDs(q.Identifiers, embargo.MMSI, vals)
		case "passportNumber":
			q.Identifiers = appendIDs(q.Identifiers, embargo.Passport, vals)
		case "idNumber", "nationalId":
			q.Identifiers = appendIDs(q.Identifiers, "", vals)
		case "registrationNumber":
			q.Identifiers = appendIDs(q.Identifiers, embargo.Registration, vals)
		case "taxNumber", "vatCode":
			q.Identifiers = appendIDs(q.Identifiers, embargo.TaxID, vals)
		case "swiftBic":
			q.Identifiers = appendIDs(q.Identifiers, embargo.SWIFT, vals)
		case "callSign":
			q.Identifiers = appendIDs(q.Identifiers, embargo.CallSign, vals)
		default:
			if !ftmIgnored[name] {
				return q, embargo.FieldError(f, "unknown property")
			}
		}
	}
	if len(first)+len(last) > 0 {
		parts := append(append(append(append([]string{}, first...), middle...), father...), last...)
		n := strings.Join(parts, " ")
		if len(n) > maxName {
			return q, embargo.FieldError(field+".properties", "firstName, middleName, fatherName and lastName make a name longer than %d bytes", maxName)
		}
		q.Names = append(q.Names, n)
	}
	if len(q.Names) > 0 {
		q.Name, q.Names = q.Names[0], q.Names[1:]
	}
	if q.Name == "" && len(q.Identifiers) == 0 {
		return q, embargo.FieldError(field+".properties.name", "a name or an identifier is required")
	}
	return q, nil
}

func appendIDs(ids []embargo.Identifier, t embargo.IDType, vals []string) []embargo.Identifier {
	for _, v := range vals {
		ids = append(ids, embargo.Identifier{Type: t, Value: v})
	}
	return ids
}

// ftmResult renders a hit the way yente does.
func (st *State) ftmResult(m embargo.Match) ftmResult {
	res := ftmResult{ID: m.EntityID, Caption: m.Caption, Schema: ftmSchema(m.Schema), Score: m.Score, Match: m.Matched,
		Target: true, Properties: map[string][]string{}, Datasets: []string{}, Referents: []string{},
		Features: map[string]float64{}, Explanations: m.Explanations}
	for _, x := range m.Explanations {
		res.Features[x.Field] += x.Score
	}
	e := st.byID[m.EntityID]
	if e == nil {
		return res
	}
	res.Datasets = append(res.Datasets, e.Source)
	p := res.Properties
	for _, n := range e.Names {
		key := "alias"
		switch n.Kind {
		case embargo.PrimaryName:
			key = "name"
		case embargo.FormerName:
			key = "previousName"
		case embargo.AliasName:
			if n.Quality == embargo.Weak || n.Quality == embargo.Low {
				key = "weakAlias"
			}
		}
		p[key] = append(p[key], n.Full)
	}
	for _, b := range e.BirthDates {
		p["birthDate"] = append(p["birthDate"], b.Date.String())
	}
	p["nationality"] = append(p["nationality"], lower(e.Nationality)...)
	p["citizenship"] = append(p["citizenship"], lower(e.Citizenship)...)
	p["country"] = append(p["country"], lower(e.Countries)...)
	if e.Gender != "" {
		p["gender"] = []string{e.Gender}
	}
	for _, id := range e.Identifiers {
		key := map[embargo.IDType]string{embargo.IMO: "imoNumber", embargo.MMSI: "mmsi", embargo.Passport: "passportNumber",
			embargo.SWIFT: "swiftBic", embargo.TaxID: "taxNumber", embargo.Registration: "registrationNumber", embargo.CallSign: "callSign"}[id.Type]
		if key == "" {
			key = "idNumber"
		}
		p[key] = append(p[key], id.Value)
	}
	for _, d := range e.Designations {
		p["program"] = append(p["program"], d.SourceProgram)
		for _, x := range d.CrossRefs {
			res.Referents = append(res.Referents, x)
		}
	}
	for k, v := range p {
		if len(v) == 0 {
			delete(p, k)
		}
	}
	return res
}

func ftmSchema(s embargo.Schema) string {
	if s == embargo.Aircraft {
		return "Airplane"
	}
	return string(s)
}

func lower(cs []string) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = strings.ToLower(c)
	}
	return out
}
