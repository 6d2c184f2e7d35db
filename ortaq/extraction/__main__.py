"""`python -m ortaq.extraction PATH...`."""

import sys

from .cli import main

sys.exit(main())
