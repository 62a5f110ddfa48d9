// Package ftm reads FollowTheMoney entities as JSON lines (the OpenSanctions
// exports entities.ftm.json) and their delta files (entities.delta.json,
// lines {"op":"ADD"|"MOD"|"DEL","entity":{...}}, listed in order by the
// version index delta.json). Screenable schemata become entities; Sanction
// entities become designations of the entity they name.
package ftm

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"sort"
	"strings"

	"embargo"
	"embargo/source"
)

// Format name.
const (
	Name   = "ftm"
	Source = "ftm"
)

// MaxRecord bounds Entity.Record, the original JSON line kept for display.
const MaxRecord = 16 << 10

func init() { source.Register(Format{}) }

// Format is FollowTheMoney JSON lines, base files and deltas.
type Format struct{}

// Info describes the format.
func (Format) Info() source.Info {
	return source.Info{
		Name:        Name,
		Source:      Source,
		Authority:   "OpenSanctions",
		List:        "FollowTheMoney entities",
		Description: "FollowTheMoney JSON lines (OpenSanctions entities.ftm.json) and delta files",
		URLs:        []string{"https://data.opensanctions.org/datasets/latest/sanctions/entities.ftm.json"},
	}
}

// Detect accepts a JSON object line with "schema" and "properties" (an
// entity), "op" and "entity" (a delta), or a delta version index.
func (Format) Detect(name string, head []byte) bool {
	t := bytes.TrimSpace(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")))
	if !bytes.HasPrefix(t, []byte("{")) {
		return false
	}
	has := func(k string) bool { return bytes.Contains(t, []byte(`"`+k+`"`)) }
	return (has("schema") && has("properties")) || (has("op") && has("entity")) || isIndex(t)
}

// isIndex reports whether data looks like delta.json: {"versions": {...}}.
func isIndex(data []byte) bool {
	return bytes.Contains(data, []byte(`"versions"`)) && bytes.Contains(data, []byte("delta.json"))
}

// entity is one FtM entity as exported.
type entity struct {
	ID         string              `json:"id"`
	Schema     string              `json:"schema"`
	Caption    string              `json:"caption"`
	Properties map[string][]string `json:"properties"`
	Datasets   []string            `json:"datasets"`
	Target     bool                `json:"target"`

	raw  []byte     // the line, for Entity.Record
	pos  source.Pos // where it was read
	seen int        // order of first appearance
}

// line is one JSON line: an entity, or a delta op wrapping one.
type line struct {
	Op     string  `json:"op"`
	Entity *entity `json:"entity"`
	entity
}

// Parse reads base entity files and delta files in the order given and
// applies the deltas: ADD and MOD replace an entity, DEL removes it. When a
// delta.json version index is among the files, delta files named by their
// version folder (…/<version>/entities.delta.json) are applied in the
// index's order.
func (Format) Parse(files []source.File) (*source.Result, error) {
	if len(files) == 0 {
		return nil, embargo.Errorf(embargo.EINVALID, "ftm: no file given")
	}
	res := &source.Result{}
	files, err := ordered(files, res)
	if err != nil {
		return nil, err
	}
	st := &state{byID: map[string]*entity{}, res: res, unknownCountry: map[string]*seenAt{}}
	for _, f := range files {
		if err := st.read(f); err != nil {
			return nil, err
		}
	}
	st.build()
	return res, nil
}

// index is delta.json.
type index struct {
	Versions  map[string]string `json:"versions"`
	UpdatedAt string            `json:"updated_at"`
}

// ordered takes a delta.json index out of files, sets Published from it and
// sorts the delta files by version (version ids begin with a timestamp).
func ordered(files []source.File, res *source.Result) ([]source.File, error) {
	var idx *index
	var idxName string
	var rest []source.File
	for _, f := range files {
		t := bytes.TrimSpace(f.Data)
		if head := t[:min(len(t), source.HeadSize)]; bytes.HasPrefix(t, []byte("{")) && isIndex(head) &&
			!bytes.Contains(head, []byte(`"op"`)) && !bytes.Contains(head, []byte(`"schema"`)) {
			var ix index
			if err := json.Unmarshal(t, &ix); err != nil || len(ix.Versions) == 0 {
				return nil, source.FormatError(Name, f.Name, "not a delta version index: want {\"versions\": {...}}")
			}
			idx, idxName = &ix, f.Name
			if d, err := embargo.ParseDate(ix.UpdatedAt[:min(len(ix.UpdatedAt), 10)]); err == nil {
				res.Published = d
			}
			continue
		}
		rest = append(rest, f)
	}
	if idx == nil {
		return files, nil
	}
	if len(rest) == 0 {
		return nil, embargo.Errorf(embargo.EINVALID, "ftm: a delta.json version index alone has no entities; give the delta files with it")
	}
	for _, f := range rest {
		if v := version(f.Name); v != "" {
			if _, ok := idx.Versions[v]; !ok {
				res.Problems.Add(source.Pos{File: f.Name}, "version %s is not in the delta.json index", v)
			}
		}
	}
	have := map[string]bool{}
	for _, f := range rest {
		have[version(f.Name)] = true
	}
	var missing []string
	for v := range idx.Versions {
		if !have[v] {
			missing = append(missing, v)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		res.Problems.Add(source.Pos{File: idxName}, "versions listed but not given: %s; the state may be incomplete", strings.Join(missing, ", "))
	}
	sort.SliceStable(rest, func(i, j int) bool { return version(rest[i].Name) < version(rest[j].Name) })
	return rest, nil
}

// version is the folder a delta file sits in: "20240527194702-wnk".
func version(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	if !strings.HasSuffix(name, ".delta.json") {
		return ""
	}
	return path.Base(path.Dir(name))
}

// state is the set of entities as the files so far leave it.
type state struct {
	byID map[string]*entity
	n    int
	res  *source.Result

	// unknownCountry counts country codes country.Code does not know, by
	// code, with the first place seen: a full export repeats FtM's own
	// codes ("suhh" for the Soviet Union) thousands of times.
	unknownCountry map[string]*seenAt
}

type seenAt struct {
	pos source.Pos
	n   int
}

// read applies one file. A file whose first line is not a JSON object is
// refused; later bad lines are skipped and reported. An empty delta file is
// a version with no change (OpenSanctions publishes them); an empty base
// file is refused.
func (st *state) read(f source.File) error {
	data := bytes.TrimPrefix(f.Data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		if version(f.Name) != "" {
			return nil
		}
		return source.FormatError(Name, f.Name, "the file is empty")
	}
	first := true
	for n := 1; len(data) > 0; n++ {
		var raw []byte
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			raw, data = data, nil
		} else {
			raw, data = data[:i], data[i+1:]
		}
		raw = bytes.TrimSpace(raw)
		if len(raw) == 0 {
			continue
		}
		pos := source.Pos{File: f.Name, Record: fmt.Sprintf("line %d", n)}
		var l line
		if err := json.Unmarshal(raw, &l); err != nil {
			if first {
				return source.FormatError(Name, f.Name, "line 1 is not a FollowTheMoney JSON object"+looksLike(raw)+": "+err.Error())
			}
			if data == nil {
				return source.FormatError(Name, f.Name, fmt.Sprintf("the last line (%d) is cut short (truncated download?): %v", n, err))
			}
			st.res.Problems.Skip(pos, "not a JSON entity: %v", err)
			continue
		}
		if first && l.Op == "" && l.Entity == nil && l.Schema == "" {
			return source.FormatError(Name, f.Name, "line 1 has neither \"schema\" nor \"op\""+looksLike(raw))
		}
		first = false
		st.apply(&l, raw, pos)
	}
	return nil
}

// looksLike names what a refused line seems to be.
func looksLike(raw []byte) string {
	t := bytes.ToLower(raw[:min(len(raw), 256)])
	switch {
	case bytes.HasPrefix(t, []byte("<")):
		return " (it is XML or HTML, perhaps a server error page)"
	case bytes.Contains(t, []byte(`"status"`)):
		return " (it is a JSON status message, perhaps a server error)"
	}
	return ""
}

// apply adds, replaces or removes one entity.
func (st *state) apply(l *line, raw []byte, pos source.Pos) {
	e, op := &l.entity, "ADD"
	if l.Op != "" || l.Entity != nil {
		op = strings.ToUpper(strings.TrimSpace(l.Op))
		e = l.Entity
	}
	if e == nil || strings.TrimSpace(e.ID) == "" {
		st.res.Problems.Skip(pos, "entity has no id")
		return
	}
	pos.Record = fmt.Sprintf("%s (%s)", pos.Record, e.ID)
	switch op {
	case "ADD", "MOD":
		if e.Schema == "" {
			st.res.Problems.Skip(pos, "%s of an entity with no schema", op)
			return
		}
		e.raw, e.pos = raw, pos
		if old, ok := st.byID[e.ID]; ok {
			e.seen = old.seen
		} else {
			st.n++
			e.seen = st.n
		}
		st.byID[e.ID] = e
	case "DEL":
		if _, ok := st.byID[e.ID]; !ok {
			st.res.Problems.Add(pos, "DEL of %s, which no earlier file holds", e.ID)
			return
		}
		delete(st.byID, e.ID)
	default:
		st.res.Problems.Skip(pos, "unknown op %q", l.Op)
	}
}
