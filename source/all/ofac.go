package all

import _ "embargo/source/ofac" // US OFAC SDN and non-SDN lists, CSV and XML
