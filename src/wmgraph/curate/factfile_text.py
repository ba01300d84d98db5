"""Fact-file text written by `import`: entity blocks and a source entry, deterministic and in plain block YAML."""

from __future__ import annotations

import json
import re
from decimal import Decimal

_PLAIN_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?\Z")
_PLAIN_SLUG = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*\Z")
_TYPED_WORDS = {"true", "false", "yes", "no", "on", "off", "y", "n", "null"}  # YAML 1.1 would type these
ENTITY_ORDER = ("type", "name", "aliases", "description")


def scalar(value: object) -> str:
    """A value as a YAML scalar: numbers plain, '~' for none, text double-quoted."""
    if value is None:
        return "~"
    if isinstance(value, int | Decimal) and _PLAIN_NUMBER.match(str(value)):
        return str(value)
    text = str(value)
    if _PLAIN_SLUG.match(text) and text not in _TYPED_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


def entity_block(ident: str, block: dict[str, object], source: str) -> str:
    """One entity's block: its own entry, or an `extend: true` block for an entity defined elsewhere."""
    lines = [f"{ident}:"]
    if block["extend"]:
        lines.append("  extend: true")
    else:
        lines += [f"  type: {block['type']}", f"  name: {scalar(block['name'])}"]
    aliases = block["aliases"]
    assert isinstance(aliases, list)
    if aliases:
        lines.append("  aliases:")  # a block list: each alias on a line a reviewer can delete
        lines += [f"    - {scalar(alias)}" for alias in aliases]
    if block["description"] and not block["extend"]:
        lines.append(f"  description: {scalar(block['description'])}")
    lines.append(f"  source: {source}")
    facts = block["facts"]
    assert isinstance(facts, list)
    if facts:
        lines.append("  facts:")
    for fact in facts:
        for index, (key, value) in enumerate(fact.items()):
            lines.append(("    - " if index == 0 else "      ") + f"{key}: {scalar(value)}")
    return "\n".join(lines) + "\n"


def source_block(fields: dict[str, str], table: str) -> str:
    """The table's entry in sources.yaml."""
    lines = [f"{fields['id']}:", f"  title: {scalar(fields.get('title') or table)}"]
    for key in ("publisher", "date", "url"):
        if fields.get(key):
            lines.append(f"  {key}: {scalar(fields[key])}")
    lines.append(f"  note: {scalar(fields.get('note') or f'The table {table}, imported by wmgraph import.')}")
    return "\n".join(lines) + "\n"
