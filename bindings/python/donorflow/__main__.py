"""``python -m donorflow``: the donorflow program's commands (solve, demo, mcf, gen, help).

The commands are the C++ program's own, run in this process, so that both behave alike.
"""

from __future__ import annotations

import sys
from typing import Optional, Sequence

from . import _core


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run one command line (``sys.argv[1:]`` by default); returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    sys.stdout.flush()
    sys.stderr.flush()
    return _core.run_cli(args)


if __name__ == "__main__":
    sys.exit(main())
