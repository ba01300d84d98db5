"""`python -m wmgraph`: the same as the `wmgraph` command."""

from .cli import main

if __name__ == "__main__":
    main()
