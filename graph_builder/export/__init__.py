"""Exporters: RDF (``rdf``), graph-tool tables (``tables``) and the HTML view (``html``)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable, Union


def atomic_write(path: Union[str, Path], data: Union[bytes, Callable]) -> Path:
    """Write ``data`` (bytes, or a function writing to a binary file object) to ``path``.

    The content goes to a temporary file in the same folder first and replaces
    ``path`` only when complete, so readers never see half a file.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, (bytes, bytearray)):
                fh.write(data)
            else:
                data(fh)
        # mkstemp makes the file private; outputs are meant to be shared like any file the user writes.
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path
