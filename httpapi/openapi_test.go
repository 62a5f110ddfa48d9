package httpapi_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/legacy"

	"embargo/httpapi"
)

// TestOpenAPIDescribesRealResponses validates the document, then real
// responses of the running server against it.
func TestOpenAPIDescribesRealResponses(t *testing.T) {
	ctx := context.Background()
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(httpapi.OpenAPI)
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(ctx); err != nil {
		t.Fatalf("openapi.json is not a valid OpenAPI document: %v", err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Fatalf("openapi version %q", doc.OpenAPI)
	}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	_, ts := newServer(t, httpapi.Config{})
	for _, c := range []struct{ method, path, body string }{
		{"POST", "/v1/screen", `{"name":"Kim Chong Un","birth_date":"1982"}`},
		{"POST", "/v1/screen", `{"queries":[{"id":"1","name":"Taysaev"},{"id":"2","name":"Nobody Atall"}]}`},
		{"POST", "/v1/screen", `{"name":"x","bogus":1}`},
		{"GET", "/v1/search?q=kim&limit=5", ""},
		{"GET", "/v1/entities/ofac:20157", ""},
		{"GET", "/v1/entities/none:1", ""},
		{"POST", "/v1/compare", `{"name1":"Kim Jong Un","name2":"Kim Chong Un","schema":"person"}`},
		{"GET", "/v1/lists", ""},
		{"GET", "/v1/lists/un/diff", ""},
		{"POST", "/match/default", `{"queries":{"q":{"schema":"Person","properties":{"name":["Vladimir Putin"]}}}}`},
		{"GET", "/v1/analysis/coverage?reference=un&regime=DPRK", ""},
		{"GET", "/v1/analysis/coverage?min_score=2", ""},
		{"GET", "/v1/status", ""},
	} {
		req, _ := http.NewRequest(c.method, ts.URL+c.path, strings.NewReader(c.body))
		req.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		// Route against the spec with a request that has no host, as the spec has no servers.
		sreq, _ := http.NewRequest(c.method, c.path, strings.NewReader(c.body))
		sreq.Header.Set("Content-Type", "application/json")
		route, params, err := router.FindRoute(sreq)
		if err != nil {
			t.Fatalf("%s %s: not in openapi.json: %v", c.method, c.path, err)
		}
		in := &openapi3filter.ResponseValidationInput{
			RequestValidationInput: &openapi3filter.RequestValidationInput{Request: sreq, PathParams: params, Route: route},
			Status:                 res.StatusCode, Header: res.Header, Body: io.NopCloser(bytes.NewReader(body)),
		}
		if err := openapi3filter.ValidateResponse(ctx, in); err != nil {
			t.Errorf("%s %s -> %d: response does not fit openapi.json: %v\n%.300s", c.method, c.path, res.StatusCode, err, body)
		}
	}
}
