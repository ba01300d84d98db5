"""`python -m wmgraph`: the same as the `wmgraph` command."""

from .cli import run

if __name__ == "__main__":
    run()
