package httpapi

import _ "embed"

// OpenAPI is the API description served at /openapi.json; a test validates
// real responses against it.
//
//go:embed openapi.json
var OpenAPI []byte
