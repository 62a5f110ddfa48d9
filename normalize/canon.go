package normalize

import "strings"

// Canon keys. A token found in one of the class tables below takes its
// class key; any other token goes through spelling rules that undo the
// differences between the Cyrillic systems (and French, German and English
// habits) without touching the letters that tell names apart.

// koreanClasses: the spellings of one Korean name syllable across RR, MR,
// DPRK practice and South Korean passport habits, first member the key.
// Syllables MR folding already merges (성 and 송 are both "song") share a
// class; otherwise distinct syllables keep distinct keys ("man" is not
// "un").
const koreanClasses = `
kim gim ghim
lee yi ri rhee i rhi ree rhie yee
park pak bak
choi choe chwe choy
jong chong jeong cheong jung chung joung cheung
un eun uen
il ill
song sung seong soung
chol cheol chul cheul chwol choul
su soo
hui hee heui hi hy
yong young yeong ryong ryeong lyong
ho heo hur huh hoh
hyon hyun hyeon hyoun
myong myung myeong
kyong kyung gyeong kyeong gyong
pyong pyeong byeong byung pyung byong
jon jeon chon cheon
jun joon chun choon
ju joo chu choo
jin chin
ji chi
jae chae jea
dae tae
dong tong
du doo tu too
bok pok
bong pong
bae pae
baek paek paik
byon pyon byun byeon pyeon pyun
gum kum keum geum
kuk guk kook gook
ok ock
u woo wu
o oh
yu yoo ryu you ryoo lyu
yun yoon youn
kang gang
jang chang
cho jo joe
kwon gwon kweon
an ahn
shin sin
so seo suh
im lim rim yim
sim shim
no noh roh ro
kwak gwak
ko go koh
gu ku koo goo
yang ryang
gyu kyu
gil kil
sok seok suk
seon sun son sohn soon
hyong hyung hyeong hyoung
gi ki kee
ga ka
deok duk tok dok
ui eui
seop sub sop
sol seol sul
mun moon
hyok hyeok hyuk
kwang gwang
sik shik
pil phil
geun gun kun keun
hun hoon
heon hon
yon yeon
yo yeo
uk wook ook
`

// arabicClasses: the spellings of common Arab name words on the lists.
const arabicClasses = `
muhammad mohammed mohamed mohammad mohamad muhammed muhamad mohamud mohd mouhamed
ahmad ahmed
hussein husayn hussain husain hossein husein huseyn
hasan hassan
mahmud mahmoud mahmood
mustafa mostafa moustafa mustapha
yusuf youssef yousef yousif yusif yousuf youssouf jusuf yussuf
yunus younes younis yunis
uthman othman osman usman
umar omar
usama osama oussama
said saeed saied saeid
sayyid sayed syed seyed sayid seyyed sayyed
abdal abdul abdel abdol abdoul
tayyib tayeb tayib
khalid khaled
ali aly
ibrahim ebrahim ibraheem
ismail ismael esmail
abu abou
bin ben ibn
al el ad ar as ash
din deen dine
faisal faysal feisal
fahd fahad
hamza hamzah
jamal gamal
karim kareem
majid maged majed
mansur mansour
nasir nasser naser nassir
qasim kassem kasim qassem
rahman rehman
rashid rachid rasheed
sulayman suleiman sulaiman suleyman soliman slimane
tariq tarek tarik tareq
walid waleed
yahya yehia yahia
yasir yasser yaser
zayd zaid zeid
zayn zain zein
haytham haitham
hisham hesham
hafiz hafez
haydar haidar heidar hayder
jafar jaafar jaffar
mahdi mehdi
rida reza reda ridha
nur nour noor
fatima fatma fatimah
aisha aicha aishah ayesha
khadija khadijah
maryam mariam meryem
qadhafi gaddafi qaddafi kadhafi gadhafi kaddafi
ladin laden
mulla mullah
haji hajji hadji
shaykh sheikh shaikh sheik
`

// slavicClasses: given names the spelling rules alone do not join.
const slavicClasses = `
aleksandr alexander aleksander alexandr alexandre aleksandar
mikhail michail mikhael
andrei andrey andrej andrii andriy
sergei sergey sergej serhii serhiy
`

var canonClass = buildClasses(koreanClasses, arabicClasses, slavicClasses)

func buildClasses(tables ...string) map[string]string {
	m := make(map[string]string, 600)
	for _, t := range tables {
		for _, line := range strings.Split(t, "\n") {
			f := strings.Fields(line)
			for _, w := range f {
				if _, dup := m[w]; !dup {
					m[w] = f[0]
				}
			}
		}
	}
	return m
}

// Canon maps one folded Latin token to a key shared by its romanization
// variants ("chong", "jong", "jeong" -> one key; "wladimir", "vladimir" ->
// one key), so that the index can find them together. Canon is lossy on
// purpose; scoring still compares the tokens themselves.
func Canon(token string) string {
	if k, ok := canonClass[token]; ok {
		return k
	}
	// Abd ar-Rahman, Abdessalam: the article assimilates to sun letters.
	for _, p := range [...]string{"abdul", "abdel", "abdal", "abdol", "abdoul", "abdil", "abdur", "abder", "abdar", "abdus", "abdes", "abdas"} {
		// Abdulrahman, Abdel Rahman, Abd al-Rahman: the rest is a name.
		if len(token) > len(p) && strings.HasPrefix(token, p) {
			return "abdal" + Canon(token[len(p):])
		}
	}
	if !isASCII(token) || isRoman(token) {
		return token // III stays III, not the Korean surname I
	}
	c := canonRules(token)
	if k, ok := canonClass[c]; ok {
		return k // Soon -> sun -> the class of 순
	}
	return c
}

// canonReplacer does the letter-group rules of canonRules.
var canonReplacer = strings.NewReplacer("schtsch", "shch", "tsch", "ch", "dzh", "j", "dj", "j", "sch", "sh", "tch", "ch",
	"shh", "shch", "kh", "h", "x", "ks", "tz", "ts", "cz", "ts", "q", "k",
	"ou", "u", "oo", "u", "w", "v")

// canonRules applies the spelling rules in order; each one is a reason:
//   - German and Polish w is v (Wladimir, Gorbatschow);
//   - schtsch, tsch, sch (German), tch (French) are shch, ch, sh, ch;
//   - dzh (BGN) and dj (French) are j (Dzhokhar, Djokhar, Jokhar);
//   - GOST shh is shch; kh and h, x and ks, tz, cz and ts, q and k agree;
//   - French ou is u (Poutine, Youri, Mourad); oo is u (Noor);
//   - initial i before a vowel is y (ICAO Iurii, Iakov);
//   - y, j between a consonant and a vowel are i (Tatyana, Tatjana);
//   - ye after a vowel or at the start is e (Yevgeny, Sergeyev);
//   - yo, io after a consonant and before a consonant are e (Fyodor,
//     Fiodor, Fedor; Pyotr, Piotr, Petr);
//   - y and j after a vowel before a consonant or at the end are i
//     (Taysaev, Tajsaev; Sergey, Sergej);
//   - the endings -iy -ii -ij -yi -yy -y of adjectives are -i
//     (Dmitriy, Dmitrii, Dmitrij, Dmitry);
//   - -off and -ow are -ov; double letters are single.
func canonRules(t string) string {
	if len(t) <= 2 {
		return t
	}
	s := t
	s = canonReplacer.Replace(s)
	b := []byte(s)
	b = yRules(b)
	if n := len(b); n > 4 && b[n-1] == 'f' && b[n-2] == 'f' && (b[n-3] == 'o' || b[n-3] == 'e') {
		b = append(b[:n-2], 'v') // Smirnoff -> smirnov
	}
	b = finalI(b)
	return string(dedouble(b))
}

// isRoman reports a Roman numeral of generations and rulers (ii, iii, iv).
func isRoman(t string) bool {
	return strings.Trim(t, "ivx") == ""
}

func isVowelByte(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

func isPlainVowel(c byte) bool { return isVowelByte(c) && c != 'y' }

// yRules rewrites the glides y, j and initial i (see canonRules).
func yRules(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		var prev, next byte
		if len(out) > 0 {
			prev = out[len(out)-1]
		}
		if i+1 < len(b) {
			next = b[i+1]
		}
		if c == 'i' && prev == 0 && isPlainVowel(next) {
			c = 'y' // ICAO Iurii, Iakov
		}
		if c == 'i' && next == 'o' && prev != 0 && !isVowelByte(prev) && i+2 < len(b) && !isVowelByte(b[i+2]) {
			out = append(out, 'e') // French and Polish Fiodor, Piotr -> fedor, petr
			i++
			continue
		}
		if c != 'y' && c != 'j' {
			out = append(out, c)
			continue
		}
		vowelNext := isPlainVowel(next)
		switch {
		case prev == 0 && c == 'j': // Jamal, Jong: j starts too many names
			out = append(out, c)
		case prev == 0 && vowelNext && next == 'e': // Yevgeny -> evgeny
		case prev == 0 && vowelNext:
			out = append(out, 'y')
		case prev == 0:
			out = append(out, c)
		case prev == 'i' && vowelNext: // Nataliya, Dmitriyevich
		case isPlainVowel(prev) && next == 'e': // Sergeyev -> sergeev
		case isPlainVowel(prev) && vowelNext: // Maya
			out = append(out, 'y')
		case isPlainVowel(prev): // Taysaev, Tajsaev, Sergey
			out = append(out, 'i')
		case c == 'j' && prev == 'd': // French dj is j: Djamal
			out = append(out, c)
		case next == 'o': // Fyodor -> fedor, Pyotr -> petr
			out = append(out, 'e')
			i++
		case vowelNext: // Tatyana, Tatjana -> tatiana
			out = append(out, 'i')
		default:
			out = append(out, c)
		}
	}
	return out
}

// finalI turns the adjective endings -iy -ii -ij -yi -yy -y into -i.
func finalI(b []byte) []byte {
	n := len(b)
	if n >= 4 {
		switch string(b[n-2:]) {
		case "iy", "ii", "ij", "yi", "yy":
			return append(b[:n-2], 'i')
		}
	}
	if n >= 4 && b[n-1] == 'y' && !isVowelByte(b[n-2]) {
		b[n-1] = 'i'
	}
	return b
}

func dedouble(b []byte) []byte {
	out := b[:0]
	for i, c := range b {
		if i > 0 && c == b[i-1] {
			continue
		}
		out = append(out, c)
	}
	return out
}

// koreanSyllables are the Latin spellings of Korean name syllables: every
// member of koreanClasses and the RR, MR and DPRK forms of every syllable
// in the Hanja name table.
var koreanSyllables = buildKoreanSyllables()

func buildKoreanSyllables() map[string]bool {
	m := make(map[string]bool, 1500)
	for _, w := range strings.Fields(koreanClasses) {
		m[w] = true
	}
	for _, line := range strings.Split(hanjaTable, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		for _, r := range f[0] {
			s := decompose(r)
			m[string(appendSyllable(nil, s, rrInitial[s.l], &rrMedial))] = true
			m[string(appendSyllable(nil, s, mrInitial[s.l], &mrMedial))] = true
			m[string(appendSyllable(nil, s, mrVoiced[s.l], &mrMedial))] = true
			m[string(appendSyllable(nil, s, dprkInitial[s.l], &mrMedial))] = true
		}
	}
	return m
}

// SplitKorean splits a token written as joined Korean name syllables
// ("jongun", "ilsung") into those syllables, fewest pieces first and, among
// equals, the longest first piece ("jong un", not "jon gun"). It returns
// nil when the token is not made of two or more known syllables. The
// matcher uses it to compare "Kim Jongun" with "Kim Jong Un": compare
// Canon of each piece.
func SplitKorean(token string) []string {
	n := len(token)
	if n < 3 || n > 24 {
		return nil
	}
	// best[i]: fewest pieces covering token[i:], with cut the first piece end.
	var best [25]int8
	var cut [25]int8
	best[n] = 0
	for i := n - 1; i >= 0; i-- {
		best[i] = -1
		for j := min(n, i+6); j > i; j-- { // longest piece first
			if best[j] >= 0 && koreanSyllables[token[i:j]] && (best[i] < 0 || best[j]+1 < best[i]) {
				best[i], cut[i] = best[j]+1, int8(j)
			}
		}
	}
	if best[0] < 2 {
		return nil
	}
	out := make([]string, 0, best[0])
	for i := 0; i < n; i = int(cut[i]) {
		out = append(out, token[i:cut[i]])
	}
	return out
}

// Join concatenates tokens without spaces ("jong", "un" -> "jongun"), the
// form of a given name written as one word.
func Join(tokens []string) string { return strings.Join(tokens, "") }
