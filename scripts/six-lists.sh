# Sourced by the benchmark scripts: import_six_lists "EMBARGO COMMAND" DATA
# imports the six lists of the matching benchmarks (UN, OFAC SDN 2024, OFAC
# non-SDN, UK, Canada, Australia) from the shared data folder.
import_six_lists() {
  local E=$1 DATA=$2
  $E lists import "$DATA/un_sc_consolidated/consolidated_2026-02-27.xml" >/dev/null
  $E lists import --source ofac-csv "$DATA/ofac_sdn/sdn_2024-05-03.csv" "$DATA"/ofac_sdn/companion_2024-01/{add,alt,sdn_comments}.csv >/dev/null
  $E lists import "$DATA/ofac_consolidated_nonsdn/CONSOLIDATED_2026-01-08.xml" >/dev/null
  $E lists import "$DATA/uk/ofsi_ConList_2025-04-10.xlsx" >/dev/null
  $E lists import "$DATA/canada_sema/sema_consolidated_2025-03.xml" >/dev/null
  $E lists import "$DATA/australia_dfat/regulation8_consolidated_2024-11.xlsx" >/dev/null
}
