package source

import "bytes"

// LooksLike says, for a refusal message, what a file that is not the
// expected list seems to be instead: a server's HTML error page or JSON
// message is what a failed download most often gives. It returns "" when
// the start of data says nothing.
func LooksLike(data []byte) string {
	t := bytes.ToLower(bytes.TrimSpace(data[:min(len(data), 512)]))
	switch {
	case bytes.HasPrefix(t, []byte("<!doctype html")) || bytes.HasPrefix(t, []byte("<html")):
		return " (it is an HTML page, perhaps a server error page)"
	case bytes.HasPrefix(t, []byte("{")):
		return " (it is JSON, perhaps a server error message)"
	}
	return ""
}
