package httpapi

import (
	"bytes"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
)

var screenBodies = []string{
	`{"name":"Kim Chong Un"}`, ` { "name" : "Kim" , "schema":"person" } `, `{}`, "{\n\t\"name\":\"Ким\"\r}",
	`{"name":"a","names":["b","c"],"countries":[],"exclude_ids":["ofac:1"],"sources":["un"],"birth_date":"1982-01-08","country":"KP","gender":"male","id":"x"}`,
	`{"name":"a","threshold":0.85,"limit":5}`, `{"name":"a","threshold":1e-1,"limit":-0}`, `{"name":"a","threshold":0,"limit":0}`,
	`{"name":"a","limit":1.0}`, `{"name":"a","limit":1e2}`, `{"name":"a","limit":99999999999999999999}`, `{"name":"a","threshold":1e400}`,
	`{"name":"a","threshold":01}`, `{"name":"a","threshold":-}`, `{"name":"a","threshold":.5}`, `{"name":"a","threshold":"0.5"}`,
	`{"name":"a\"b"}`, `{"name":"a\u0041"}`, "{\"name\":\"a\x01\"}", "{\"name\":\"\xff\"}", `{"Name":"a"}`, `{"nom":"a"}`,
	`{"name":null}`, `{"names":null}`, `{"names":["a",1]}`, `{"names":["a",]}`, `{"name":"a",}`, `{"name":"a"} x`, `{"name":"a"}{}`,
	`{"name":"a","name":"b"}`, `{"names":["a"],"names":["b","c"]}`, `{"threshold":0.1,"threshold":0.2}`,
	`{"queries":[{"name":"a"}]}`, `{"identifiers":[{"type":"imo","value":"1"}]}`, `[]`, ``, ` `, `{`, `{"name"`, `{"name":"a"`, `"a"`, `nul`,
}

func decodeStd(b []byte) (screenRequest, error) {
	var req screenRequest
	err := decodeStrict(bytes.NewReader(b), &req)
	return req, err
}

func checkParse(t *testing.T, body []byte) {
	var got screenRequest
	if !parseScreenRequest(body, &got) {
		return
	}
	want, err := decodeStd(body)
	if err != nil {
		t.Fatalf("%q: parsed by hand, but encoding/json says %v", body, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: parsed by hand as %+v, encoding/json %+v", body, got, want)
	}
}

func TestParseScreenRequestAsEncodingJSON(t *testing.T) {
	hand := 0
	for _, b := range screenBodies {
		checkParse(t, []byte(b))
		var req screenRequest
		if parseScreenRequest([]byte(b), &req) {
			hand++
		}
	}
	if hand < 10 {
		t.Fatalf("only %d bodies parsed by hand", hand)
	}
}

// decodeScreen answers every body, and every error, as decode does.
func TestDecodeScreenAsDecode(t *testing.T) {
	s := New(Config{MaxBody: 40})
	for _, b := range append(screenBodies, `{"name":"a"}`+strings.Repeat(" ", 40), `{"name":"`+strings.Repeat("a", 50)+`"}`) {
		var got, want screenRequest
		r1 := httptest.NewRequest("POST", "/v1/screen", strings.NewReader(b))
		r2 := httptest.NewRequest("POST", "/v1/screen", strings.NewReader(b))
		e1 := s.decodeScreen(httptest.NewRecorder(), r1, &got)
		e2 := s.decode(httptest.NewRecorder(), r2, &want)
		if (e1 == nil) != (e2 == nil) || (e1 != nil && e1.Error() != e2.Error()) {
			t.Errorf("%q: decodeScreen says %v, decode %v", b, e1, e2)
		}
		if e1 == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("%q: decodeScreen %+v, decode %+v", b, got, want)
		}
	}
}

func FuzzParseScreenRequest(f *testing.F) {
	for _, b := range screenBodies {
		f.Add([]byte(b))
	}
	f.Fuzz(func(t *testing.T, b []byte) { checkParse(t, b) })
}
