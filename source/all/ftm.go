package all

import _ "embargo/source/ftm" // FollowTheMoney JSON lines and deltas
