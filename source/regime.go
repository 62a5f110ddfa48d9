package source

import "strings"

// Regime normalises a list's own programme or regime code to embargo's
// regime names, so that one filter ("DPRK", "RUSSIA") works across lists.
// It returns "" when it does not know the code; parsers keep the source's own
// code in Designation.SourceProgram either way.
//
// Codes seen: OFAC "DPRK", "DPRK2", "DPRK3", "DPRK4", "DPRK-NKSPEA",
// "RUSSIA-EO14024", "UKRAINE-EO13660", "CAATSA - RUSSIA", "IRAN", "SDGT";
// UN UN_LIST_TYPE "DPRK", "Al-Qaida", "Taliban"; UK regime "Democratic
// People's Republic of Korea", "Russia"; EU programme "PRK", "RUS", "UKR";
// EU "TAQA" (ISIL/Al-Qaida); Australia committee "1718", "Autonomous (Russia)"; Canada "Russia / Russie".
func Regime(code string) string {
	c := strings.ToUpper(strings.TrimSpace(code))
	switch {
	case c == "":
		return ""
	case strings.Contains(c, "DPRK") || strings.Contains(c, "KOREA") || c == "PRK" || c == "1718" || strings.HasPrefix(c, "NKSPEA"):
		return "DPRK"
	case strings.Contains(c, "RUSSIA") || strings.Contains(c, "RUSSIE") || c == "RUS" || strings.Contains(c, "CAATSA"):
		return "RUSSIA"
	case strings.Contains(c, "UKRAINE") || c == "UKR" || strings.Contains(c, "CYBER-UKRAINE"):
		return "UKRAINE"
	case strings.Contains(c, "BELARUS") || c == "BLR":
		return "BELARUS"
	case strings.Contains(c, "IRAN") || c == "IRN" || strings.HasPrefix(c, "IRGC") || c == "IFSR" || c == "NPWMD":
		if c == "NPWMD" {
			return "NONPROLIFERATION"
		}
		return "IRAN"
	case strings.Contains(c, "SYRIA") || c == "SYR":
		return "SYRIA"
	case strings.Contains(c, "AL-QAIDA") || strings.Contains(c, "ISIL") || strings.Contains(c, "1267") || c == "SDGT" || c == "TERR" || c == "TAQA" || c == "1373" || c == "FTO" || strings.Contains(c, "TERROR"):
		return "TERRORISM"
	case strings.Contains(c, "TALIBAN") || c == "1988":
		return "TALIBAN"
	case strings.Contains(c, "IRAQ") || c == "IRQ":
		return "IRAQ"
	case strings.Contains(c, "LIBYA") || c == "LBY":
		return "LIBYA"
	case strings.Contains(c, "SUDAN") && !strings.Contains(c, "SOUTH"):
		return "SUDAN"
	case strings.Contains(c, "SOUTHSUDAN") || strings.Contains(c, "SOUTH SUDAN"):
		return "SOUTH-SUDAN"
	case strings.Contains(c, "SOMALIA"):
		return "SOMALIA"
	case strings.Contains(c, "VENEZUELA"):
		return "VENEZUELA"
	case strings.Contains(c, "MYANMAR") || strings.Contains(c, "BURMA"):
		return "MYANMAR"
	case strings.Contains(c, "CONGO") || c == "DRC" || c == "COD":
		return "DRC"
	case strings.Contains(c, "GLOBAL HUMAN RIGHTS") || strings.Contains(c, "GLOMAG") || strings.Contains(c, "MAGNITSKY"):
		return "HUMAN-RIGHTS"
	case strings.Contains(c, "CYBER"):
		return "CYBER"
	case strings.Contains(c, "SDNTK") || strings.Contains(c, "ILLICIT-DRUGS") || strings.Contains(c, "NARCOTICS"):
		return "NARCOTICS"
	case strings.Contains(c, "HAITI"):
		return "HAITI"
	case strings.Contains(c, "YEMEN"):
		return "YEMEN"
	case strings.Contains(c, "CUBA"):
		return "CUBA"
	case strings.Contains(c, "ZIMBABWE"):
		return "ZIMBABWE"
	case strings.Contains(c, "NICARAGUA"):
		return "NICARAGUA"
	// UK regimes (ConList "Regime", FCDO "RegimeName"); the UK's Afghanistan
	// regime carries the UN 1988 (Taliban) designations.
	case strings.Contains(c, "AFGHANISTAN"):
		return "TALIBAN"
	case strings.Contains(c, "CHEMICAL WEAPONS"):
		return "CHEMICAL-WEAPONS"
	case strings.Contains(c, "ANTI-CORRUPTION"):
		return "CORRUPTION"
	case strings.Contains(c, "CENTRAL AFRICAN"):
		return "CAR"
	case strings.Contains(c, "GUINEA-BISSAU"):
		return "GUINEA-BISSAU"
	case strings.Contains(c, "GUINEA"):
		return "GUINEA"
	case strings.Contains(c, "MALI"):
		return "MALI"
	case strings.Contains(c, "BOSNIA"):
		return "BOSNIA"
	}
	return ""
}
