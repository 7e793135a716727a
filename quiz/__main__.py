"""``python -m quiz`` is the ``quiz`` command."""

import sys

from quiz.cli.main import main

sys.exit(main())
