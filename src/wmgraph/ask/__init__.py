"""`wmgraph query` and `push` on the graph as the build leaves it: `run.py`."""
