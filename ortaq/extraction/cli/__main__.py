"""`python -m ortaq.extraction.cli PATH...`."""

import sys

from . import main

sys.exit(main())
