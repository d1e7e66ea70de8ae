// zlib (Debian: zlib1g-dev), for the article text stored compressed (see Migrations/0010_*.sql).
#include <zlib.h>
