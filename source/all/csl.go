package all

import _ "embargo/source/csl" // US Consolidated Screening List CSV and BIS Denied Persons List
