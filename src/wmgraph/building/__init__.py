"""The build: `graph/` checked, mapped to RDF and written into `output/` as one set, with its stamp.

`run.py` is the job from top to bottom; `stamp.py` the freshness key; `outputs.py` puts the files in
place as one set; `cache.py` keeps each fact file's checked and rendered piece between builds;
`graph.py` gives the graph to the commands that read it.
"""

from .graph import graph_data
from .run import OUTPUT_STEM, BuildProgress, BuildResult, Progress, build

__all__ = ["OUTPUT_STEM", "BuildProgress", "BuildResult", "Progress", "build", "graph_data"]
