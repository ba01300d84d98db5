"""Ids merged away by `wmgraph merge` (an entity's `formerly:`), followed in a draft to the entity that holds them."""

from __future__ import annotations

import re

from ..model.model import Model

_VALUE = re.compile(r"^(\s*(?:- )?([a-z][a-z0-9-]*):\s+)([a-z0-9][a-z0-9-]*)(\s*(?:#.*)?)$")
_WORDS = ("quote", "name", "note", "description", "aliases", "review", "reviewed-by")


def merged_into(model: Model) -> dict[str, str]:
    """Each merged id of the graph, with the id of the entity it was merged into."""
    return {old: entity.key for entity in model.entities.values() for old in entity.formerly
            if old not in model.entities}


def followed(line: str, merged: dict[str, str]) -> tuple[str, str | None]:
    """A fact line with a merged id as its value naming the entity it was merged into, and the id it named."""
    found = _VALUE.match(line)
    if found is None or found.group(2) in _WORDS or found.group(3) not in merged:
        return line, None
    return found.group(1) + merged[found.group(3)] + found.group(4), found.group(3)


def merge_note(old: str, keep: str, indent: str) -> str:
    """The comment a draft carries where it follows a merge."""
    return f"{indent}# '{old}' was merged into '{keep}' (wmgraph merge): written as '{keep}'"
