"""wmgraph: a knowledge graph of the West Midlands tech ecosystem, built from YAML fact files.

The names below are loaded when first used, so that `import wmgraph` (and every `wmgraph` command
starting up) costs almost nothing until something is asked of it.
"""

from ._version import __version__

TYPE_CHECKING = False  # not `typing`'s: importing `typing` costs more than this whole module
if TYPE_CHECKING:
    from .building import BuildResult, build
    from .errors import LoadError, OutputError, Problem, QueryError, StoreError, ValidationError, WmgraphError
    from .model.checking import load_model
    from .model.model import Entity, Fact, Location, Model, Source
    from .model.vocabulary import Vocabulary

# Each public name, and the module that defines it.
_WHERE = {
    "BuildResult": "building", "build": "building",
    "LoadError": "errors", "OutputError": "errors", "Problem": "errors", "QueryError": "errors",
    "StoreError": "errors", "ValidationError": "errors", "WmgraphError": "errors",
    "load_model": "model.checking",
    "Entity": "model.model", "Fact": "model.model", "Location": "model.model", "Model": "model.model",
    "Source": "model.model",
    "Vocabulary": "model.vocabulary",
}

__all__ = [
    "BuildResult",
    "Entity",
    "Fact",
    "LoadError",
    "Location",
    "Model",
    "OutputError",
    "Problem",
    "QueryError",
    "Source",
    "StoreError",
    "ValidationError",
    "Vocabulary",
    "WmgraphError",
    "__version__",
    "build",
    "load_model",
]


def __getattr__(name: str) -> object:
    """A public name, imported from its module on first use."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'wmgraph' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
