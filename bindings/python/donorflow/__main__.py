"""``python -m donorflow``: the donorflow program's commands (solve, demo, mcf, gen, help).

The commands are the C++ program's own, run in this process, so that both behave alike.
"""

from __future__ import annotations

import signal
import sys
import threading
from typing import Optional, Sequence

from . import _core


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run one command line (``sys.argv[1:]`` by default); returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if threading.current_thread() is threading.main_thread():
        # Behave as the program does: Ctrl-C stops a long solve and a closed pipe ends output
        # (the commands run in C++ without the GIL, where Python's handlers would never run).
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        if hasattr(signal, "SIGPIPE"):
            signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.stdout.flush()
    sys.stderr.flush()
    return _core.run_cli(args)


if __name__ == "__main__":
    sys.exit(main())
