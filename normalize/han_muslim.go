package normalize

import "strings"

// Arabic, Persian and Uyghur names written in Chinese characters follow
// the Xinhua transcription, which spells sounds with fixed characters
// (阿不都·哈克 Abdul Haq, 穆罕默德 Muhammad, 买买提 Memet): read as
// Mandarin syllables they give "a bu du ha ke", which no list spells.
// hanMuslimNames gives the spelling the lists use for the commonest parts,
// longest first when one is the start of another.
var hanMuslimNames = map[string]string{
	"阿不都": "abdul", "阿布都": "abdul", "阿卜杜": "abdul", "阿布杜": "abdul", "阿不杜": "abdul",
	"阿卜杜勒": "abdul", "阿布杜勒": "abdul", "阿布德": "abd",
	"穆罕默德": "muhammad", "穆罕麦德": "muhammad", "默罕默德": "muhammad", "穆哈默德": "muhammad",
	"艾哈迈德": "ahmad", "艾合买提": "ahmet", "买买提": "memet", "艾买提": "emet", "阿合买提": "ahmet",
	"哈克": "haq", "阿里": "ali", "哈桑": "hasan", "侯赛因": "hussein", "胡赛因": "hussein",
	"奥萨马": "osama", "乌萨马": "usama", "拉登": "laden", "本": "bin", "伊本": "ibn",
	"扎瓦希里": "zawahiri", "巴格达迪": "baghdadi", "阿卜杜拉": "abdullah", "阿布杜拉": "abdullah",
	"吐尔逊": "tursun", "热合曼": "rahman", "拉赫曼": "rahman", "努尔": "nur", "玉素甫": "yusup",
	"优素福": "yusuf", "伊布拉音": "ibrahim", "易卜拉欣": "ibrahim", "吾斯曼": "osman", "奥斯曼": "osman",
	"依明": "imin", "艾力": "ali", "阿吉": "haji", "哈吉": "haji", "沙比尔": "sabir", "卡里姆": "karim",
	"克里木": "kerim", "阿西木": "asim", "哈米德": "hamid", "马哈茂德": "mahmud", "穆斯塔法": "mustafa",
	"奥马尔": "omar", "欧麦尔": "umar", "哈立德": "khalid", "萨利赫": "salih", "贾迈勒": "jamal",
	"阿卜杜勒拉赫曼": "abdulrahman", "塔利班": "taliban", "毛拉": "mullah", "哈卡尼": "haqqani",
}

// hanMuslimMaxLen is the longest key of hanMuslimNames, in characters.
var hanMuslimMaxLen = func() int {
	n := 0
	for k := range hanMuslimNames {
		n = max(n, len([]rune(k)))
	}
	return n
}()

// romanizeHanMuslim reads the words of a Han name by hanMuslimNames,
// longest match first, and the characters between by their pinyin,
// joined; it reports false unless a part of two characters or more was
// found (a name of one-character parts is a Chinese name).
func romanizeHanMuslim(tokens []string) (string, bool) {
	var words []string
	found := false
	for _, t := range tokens {
		rs := []rune(t)
		var b strings.Builder
		for i := 0; i < len(rs); {
			n := min(hanMuslimMaxLen, len(rs)-i)
			for ; n > 0; n-- {
				if s, ok := hanMuslimNames[string(rs[i:i+n])]; ok && (n > 1 || found) {
					if b.Len() > 0 {
						words = append(words, b.String())
						b.Reset()
					}
					words = append(words, s)
					found = found || n > 1
					break
				}
			}
			if n > 0 {
				i += n
				continue
			}
			if p, ok := pinyin[rs[i]]; ok {
				b.WriteString(p)
			} else {
				b.WriteString(hanFallback(rs[i]))
			}
			i++
		}
		if b.Len() > 0 {
			words = append(words, b.String())
		}
	}
	return strings.Join(words, " "), found
}
