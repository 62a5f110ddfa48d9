// Package country turns the many ways sanctions lists write a country
// ("Democratic People's Republic of Korea", "Korea, North", "DPRK",
// "Russia / Russie", "Russian Federation", "RU", "RUS") into ISO 3166-1
// alpha-2 codes.
package country

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/unicode/norm"
)

var (
	once   sync.Once
	byName map[string]string // folded name -> alpha-2
	names  map[string]string // alpha-2 -> English name
)

// aliases are spellings the lists use that CLDR's English names do not give.
var aliases = map[string]string{
	"democratic people's republic of korea": "KP", "dprk": "KP", "korea, north": "KP", "north korea": "KP",
	"korea, democratic people's republic of": "KP", "korea dpr": "KP", "korea (north)": "KP",
	"democratic peoples republic of korea": "KP", "korea, dem. people's rep.": "KP", "kp": "KP", "prk": "KP",
	"republic of korea": "KR", "korea, south": "KR", "south korea": "KR", "korea (south)": "KR", "korea, republic of": "KR",
	"russian federation": "RU", "russia / russie": "RU", "russie": "RU", "russia": "RU",
	"iran (islamic republic of)": "IR", "iran, islamic republic of": "IR", "islamic republic of iran": "IR",
	"syrian arab republic": "SY", "syria / syrie": "SY", "ukraine / ukraine": "UA", "belarus / bélarus": "BY",
	"venezuela (bolivarian republic of)": "VE", "bolivarian republic of venezuela": "VE",
	"united states of america": "US", "usa": "US", "united states": "US", "u.s.a.": "US",
	"united kingdom of great britain and northern ireland": "GB", "united kingdom": "GB", "uk": "GB", "great britain": "GB",
	"viet nam": "VN", "lao people's democratic republic": "LA", "laos": "LA",
	"burma": "MM", "myanmar (burma)": "MM", "cote d'ivoire": "CI", "côte d'ivoire": "CI", "ivory coast": "CI",
	"congo, democratic republic of the": "CD", "democratic republic of the congo": "CD", "congo, dem. rep.": "CD", "drc": "CD",
	"congo, republic of the": "CG", "republic of the congo": "CG", "congo": "CG",
	"united republic of tanzania": "TZ", "tanzania, united republic of": "TZ", "bolivia (plurinational state of)": "BO",
	"the former yugoslav republic of macedonia": "MK", "macedonia": "MK", "north macedonia": "MK",
	"turkey": "TR", "türkiye": "TR", "turkiye": "TR", "czech republic": "CZ", "czechia": "CZ",
	"moldova, republic of": "MD", "republic of moldova": "MD", "palestinian territory": "PS", "state of palestine": "PS", "palestine": "PS",
	"gaza": "PS", "west bank": "PS", "occupied palestinian territory": "PS",
	"crimea": "UA", "crimea region of ukraine": "UA", "kosovo": "XK", "taiwan, province of china": "TW", "chinese taipei": "TW",
	"hong kong": "HK", "hong kong sar": "HK", "china, hong kong special administrative region": "HK", "china, macao special administrative region": "MO", "macau": "MO", "macao": "MO", "brunei darussalam": "BN",
	"cabo verde": "CV", "cape verde": "CV", "eswatini": "SZ", "swaziland": "SZ", "the gambia": "GM", "gambia, the": "GM",
	"bahamas, the": "BS", "the bahamas": "BS", "micronesia, federated states of": "FM", "holy see": "VA",
	"saint kitts and nevis": "KN", "st. kitts and nevis": "KN", "saint lucia": "LC", "st. lucia": "LC",
	"saint vincent and the grenadines": "VC", "st. vincent and the grenadines": "VC", "east timor": "TL", "timor-leste": "TL",
	"united arab emirates": "AE", "uae": "AE", "u.a.e.": "AE", "sudan, south": "SS", "south sudan": "SS",
	"netherlands antilles": "CW", "curacao": "CW", "curaçao": "CW", "sint maarten": "SX",
	"bosnia-herzegovina": "BA", "bosnia and herzegovina": "BA", "serbia and montenegro": "RS", "yugoslavia": "RS",
	"region: gaza": "PS", "region: west bank": "PS", "soviet union": "RU", "ussr": "RU", "zaire": "CD",
	// CLDR gives withdrawn codes their successor's English name (PZ "Panama",
	// FX "France", DY "Benin", HV "Burkina Faso", ZR "Congo - Kinshasa"); the
	// later code would win in load, so these names are pinned here.
	"panama": "PA", "france": "FR", "benin": "BJ", "burkina faso": "BF", "congo - kinshasa": "CD",
	"palestinian": "PS",
}

func load() {
	byName = make(map[string]string, 1200)
	names = make(map[string]string, 300)
	en := display.English.Regions()
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			r, err := language.ParseRegion(code)
			if err != nil || !r.IsCountry() || r.String() != code {
				continue
			}
			// Withdrawn codes (PZ, FX, DY, HV, ZR, TP, ...) carry the same
			// English names as their successors: keep only current codes.
			if c := r.Canonicalize(); c.String() != code {
				continue
			}
			name := en.Name(r)
			if name == "" || name == code {
				continue
			}
			names[code] = name
			byName[fold(name)] = code
			// CLDR writes "Trinidad & Tobago" and "Myanmar (Burma)"; the lists
			// write "Trinidad and Tobago" and "Myanmar" (UN SC list).
			byName[fold(strings.ReplaceAll(name, "&", "and"))] = code
			if i := strings.Index(name, " ("); i > 0 {
				if _, taken := byName[fold(name[:i])]; !taken {
					byName[fold(name[:i])] = code
				}
			}
			byName[fold(code)] = code
			if iso3 := r.ISO3(); iso3 != "" {
				byName[fold(iso3)] = code
			}
		}
	}
	names["XK"] = "Kosovo"
	for k, v := range aliases {
		byName[fold(k)] = v
	}
}

// fold lower-cases, removes accents and collapses punctuation to spaces.
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFKD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '’' || r == '.':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// Code returns the ISO 3166-1 alpha-2 code for a country name, alpha-2 or
// alpha-3 code, in any of the spellings the lists use. Bilingual values such
// as "Russia / Russie" are tried whole, then by their first half.
func Code(s string) (string, bool) {
	once.Do(load)
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	if c, ok := byName[fold(s)]; ok {
		return c, true
	}
	if i := strings.IndexAny(s, "/("); i > 0 {
		if c, ok := byName[fold(s[:i])]; ok {
			return c, true
		}
	}
	return "", false
}

// Name returns the English name of an alpha-2 code, or "" if unknown.
func Name(code string) string {
	once.Do(load)
	return names[strings.ToUpper(code)]
}

// Find returns every country named anywhere in free text such as an address
// line "Pyongyang, Korea, North" (the last comma-separated part is tried
// first, then the whole).
func Find(text string) (string, bool) {
	parts := strings.Split(text, ",")
	for i := len(parts) - 1; i >= 0; i-- {
		if c, ok := Code(strings.Join(parts[i:], ",")); ok {
			return c, true
		}
	}
	return "", false
}
