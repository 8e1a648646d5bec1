"""The public API: __all__ lists exactly what the package exports."""

from __future__ import annotations

import briefbuilder
import briefbuilder.model


def test_all_matches_exports() -> None:
    for module in (briefbuilder, briefbuilder.model):
        exported = {name for name in dir(module) if not name.startswith("_")}
        submodules = {n for n in exported if type(getattr(module, n)).__name__ == "module"}
        assert set(module.__all__) - {"__version__"} == exported - submodules
        for name in module.__all__:
            assert hasattr(module, name), name
