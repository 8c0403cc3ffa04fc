"""graph-builder: Chinese news and business text -> a resolved, typed, evidenced knowledge graph.

The public API is small: :func:`build` writes a graph to a folder and returns it,
:func:`extract` yields the JSON Lines records, :class:`Pipeline` runs the stages
over single documents.
"""
__version__ = "0.1.0"

from .api import build, extract  # noqa: E402
from .doc import Document  # noqa: E402
from .pipeline import Pipeline  # noqa: E402

__all__ = ["build", "extract", "Document", "Pipeline", "__version__"]
