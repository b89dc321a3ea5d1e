"""``python -m vnplan`` is the ``vnplan`` command."""
import sys

from .cli import main

sys.exit(main())
