package all

import _ "embargo/source/unsc" // UN SC consolidated list XML
