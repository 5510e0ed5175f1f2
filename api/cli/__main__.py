"""``python -m api.cli``: the ``veikart`` command."""

import sys

from api.cli import main

sys.exit(main())
