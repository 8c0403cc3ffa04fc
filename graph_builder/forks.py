"""Work done beside the caller by a forked copy of the process (Linux), for the end of a build.

The state file and half of the RDF lines are written this way while the main
process goes on: a copy made by ``fork`` shares the built tables without
pickling them, and only reads them.
"""
from __future__ import annotations

import os
import sys
from typing import Callable, Optional


def run_forked(work: Callable[[], None]) -> Optional[Callable[[], bool]]:
    """Start ``work()`` in a forked copy of this process; returns ``wait()``, or None where it is not forked.

    ``wait()`` blocks until the copy has ended and says whether ``work()``
    returned without an error (asking again gives the same answer). The copy
    ends with ``os._exit``: no cleanup, since the parent owns the files, stores
    and streams. Only on Linux (elsewhere fork is missing or unsafe with some
    system libraries): None tells the caller to do the work itself.
    """
    if not sys.platform.startswith("linux"):
        return None
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        code = 1
        try:
            work()
            code = 0
        finally:
            os._exit(code)
    result = []

    def wait() -> bool:
        if not result:
            _, status = os.waitpid(pid, 0)
            result.append(os.waitstatus_to_exitcode(status) == 0)
        return result[0]

    return wait
