package normalize_test

import (
	"testing"

	"embargo/normalize"
)

// Romanize and Fold run once per list name at index time (~200k names) and
// once per query.
var benchNames = map[string]string{
	"latin":    "Kim Jong-Un",
	"cyrillic": "Путин Владимир Владимирович",
	"cyrkor":   "Ким Чен Ын",
	"hangul":   "김정은",
	"hanguln":  "조지 워싱턴",
	"han":      "金正恩",
	"arabic":   "عبد الرحمن الحسيني",
	"kana":     "トヨタ",
}

var sink []normalize.Variant

func BenchmarkRomanize(b *testing.B) {
	for _, script := range []string{"latin", "cyrillic", "cyrkor", "hangul", "hanguln", "han", "arabic", "kana"} {
		name := benchNames[script]
		b.Run(script, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sink = normalize.Romanize(name)
			}
		})
	}
}

var sinkS string

func BenchmarkFold(b *testing.B) {
	for _, name := range []string{"kim jong un", "Kim Jong-Un", "Путин Владимир Владимирович", "Müller-Lüdenscheidt"} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkS = normalize.Fold(name)
			}
		})
	}
}

func BenchmarkCanon(b *testing.B) {
	for _, tok := range []string{"jeong", "taysayev", "abdulrahman"} {
		b.Run(tok, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkS = normalize.Canon(tok)
			}
		})
	}
}
