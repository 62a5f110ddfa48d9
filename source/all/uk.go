package all

import _ "embargo/source/uk" // OFSI ConList (CSV, xlsx) and FCDO UK Sanctions List XML
