"""wmgraph: a knowledge graph of the West Midlands tech ecosystem, built from YAML fact files."""

from ._version import __version__
from .build import BuildResult, build
from .errors import (
    LoadError,
    OutputError,
    Problem,
    QueryError,
    StoreError,
    ValidationError,
    WmgraphError,
)
from .model.checking import load_model
from .model.model import Entity, Fact, Location, Model, Source
from .model.vocabulary import Vocabulary

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
