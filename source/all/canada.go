package all

import _ "embargo/source/canada" // Canada SEMA consolidated list XML
