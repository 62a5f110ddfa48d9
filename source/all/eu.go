package all

import _ "embargo/source/eu" // EU Financial Sanctions Files XML
