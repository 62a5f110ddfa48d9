package normalize

import "strings"

// Belarusians appear on the lists under both their Russian and their
// Belarusian names: Игорь Иванович Бузовский is Ihar Ivanavich BUZOUSKI,
// Белякоў Алег Мікалаевіч is Oleg Nikolaevich BELIAKOV. The two are the
// same names, not the same letters: given names differ (Игорь Ігар,
// Николай Мікалай, Владимир Уладзімір), unstressed o is a (akanne:
// -ович -авіч, Новикова Новікава), and a final в is ў (Волков Волкаў). A
// Russian-spelt name gets its Belarusian reading and a Belarusian-spelt
// name its Russian one, when it has a given name of the table or a
// patronymic.

// ruBeGivenNames pairs Russian and Belarusian given names in Cyrillic.
const ruBeGivenNames = `александр аляксандр алексей аляксей анатолий анатоль андрей андрэй
валентин валянцін валентина валянціна валерий валерый василий васіль виктор віктар
владимир уладзімір вячеслав вячаслаў геннадий генадзь григорий рыгор дмитрий дзмітрый
евгений яўген игорь ігар иван іван леонид леанід михаил міхаіл николай мікалай олег алег
павел павел петр пётр пётр пётр сергей сяргей степан сцяпан юрий юрый ярослав яраслаў
константин канстанцін роман раман анна ганна елена алена ольга вольга наталья наталля
татьяна таццяна людмила людміла ирина ірына галина галіна борис барыс`

var ruToBe, beToRu = func() (map[string]string, map[string]string) {
	f := strings.Fields(ruBeGivenNames)
	a, b := map[string]string{}, map[string]string{}
	for i := 0; i+1 < len(f); i += 2 {
		if _, ok := a[f[i]]; !ok {
			a[f[i]] = f[i+1]
		}
		if _, ok := b[f[i+1]]; !ok {
			b[f[i+1]] = f[i]
		}
	}
	return a, b
}()

// patronymicEnds: Russian and Belarusian patronymic endings, each with
// its counterpart in the other language.
var ruPatronymic = [][2]string{{"ович", "авіч"}, {"евич", "евіч"}, {"овна", "аўна"}, {"евна", "еўна"}}

// otherGiven maps a given name through the table, also a patronymic's stem
// (Николаевич: никола(й) + евич -> мікала(й) + евіч).
func otherGiven(w string, names map[string]string, pats [][2]string, toBe bool) (string, bool) {
	if o, ok := names[w]; ok {
		return o, true
	}
	for _, p := range pats {
		from, to := p[0], p[1]
		if !toBe {
			from, to = to, from
		}
		stem, ok := strings.CutSuffix(w, from)
		if !ok || stem == "" {
			continue
		}
		cands := []string{stem, stem + "й", stem + "ь"}
		if b, ok := strings.CutSuffix(stem, "ь"); ok {
			cands = append(cands, b+"ий", b+"і") // Евгеньевич: Евгений; Анатольевич: Анатолий
		}
		for _, c := range cands {
			if o, ok := names[c]; ok {
				o = strings.TrimSuffix(strings.TrimSuffix(o, "й"), "ь")
				return o + to, true
			}
		}
		return "", false // a patronymic of a name outside the table: left alone
	}
	return "", false
}

// surnameEnds are Russian surname endings and their Belarusian spelling,
// longer endings first in either language.
var surnameEnds = [][2]string{{"овский", "оўскі"}, {"евский", "еўскі"}, {"ский", "скі"}, {"цкий", "цкі"},
	{"ова", "ава"}, {"ов", "оў"}, {"ев", "еў"}, {"енко", "енка"}}

// respellSurname writes a surname's ending in the other language: from is
// 0 for a Russian surname (written the Belarusian way), 1 for a Belarusian.
func respellSurname(w string, from int) string {
	for _, e := range surnameEnds {
		if s, ok := strings.CutSuffix(w, e[from]); ok {
			return s + e[1-from]
		}
	}
	return w
}

// cyrillicBelarusian returns the folded Cyrillic name in the other
// language's spelling (Russian to Belarusian or back), "" when it has no
// given name of the table and no patronymic.
func cyrillicBelarusian(f string, lang cyrLang) string {
	if lang == langUk {
		return ""
	}
	toBe := lang == langRu
	names := ruToBe
	if !toBe {
		names = beToRu
	}
	words := strings.Fields(f)
	out := make([]string, len(words))
	found := false
	for i, w := range words {
		if o, ok := otherGiven(w, names, ruPatronymic, toBe); ok {
			out[i], found = o, true
			continue
		}
		if toBe {
			out[i] = respellSurname(w, 0)
		} else {
			out[i] = respellSurname(w, 1)
		}
	}
	if !found {
		return ""
	}
	return strings.Join(out, " ")
}
