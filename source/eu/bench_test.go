package eu_test

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"testing"

	"embargo/source"
	"embargo/source/eu"
)

// synthetic builds an FSF file of about size bytes from the hand-written
// fixture, repeating its sanctionEntity elements under fresh logicalIds. The
// full EU file (~24 MB) could not be obtained (eu_fsf/SOURCE.md).
func synthetic(tb testing.TB, size int) ([]byte, int) {
	in, err := os.ReadFile("testdata/basic/input.xml")
	if err != nil {
		tb.Fatal(err)
	}
	start := bytes.Index(in, []byte("<sanctionEntity"))
	end := bytes.LastIndex(in, []byte("</sanctionEntity>")) + len("</sanctionEntity>")
	head, body, tail := in[:start], in[start:end], in[end:]
	id := regexp.MustCompile(`(<sanctionEntity [^>]*logicalId=")[^"]*"`)
	var b bytes.Buffer
	b.Write(head)
	n := 0
	for b.Len() < size {
		n++
		k := 0
		b.Write(id.ReplaceAllFunc(body, func(m []byte) []byte {
			k++
			return fmt.Appendf(nil, `%s%d-%d"`, id.FindSubmatch(m)[1], n, k)
		}))
		b.WriteString("\n")
	}
	b.Write(tail)
	return b.Bytes(), n
}

// BenchmarkParseEU parses a synthetic 24 MB FSF file, the size of the full list.
func BenchmarkParseEU(b *testing.B) {
	data, n := synthetic(b, 24<<20)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := eu.Format{}.Parse([]source.File{{Name: "synthetic.xml", Data: data}})
		if err != nil || len(res.Entities) != 7*n {
			b.Fatalf("%v: %d entities, want %d", err, len(res.Entities), 7*n)
		}
	}
}
