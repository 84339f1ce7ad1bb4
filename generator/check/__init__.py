"""Stage 2: named checks over the whole loaded guide."""
from . import citations, completeness, evidence, graph  # noqa: F401  (importing registers the checks)
from . import placeholders  # noqa: F401
from .registry import CHECKS, run_checks

__all__ = ["CHECKS", "run_checks"]
