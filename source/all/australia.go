package all

import _ "embargo/source/australia" // Australia DFAT consolidated list, xlsx or CSV
