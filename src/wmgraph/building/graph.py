"""The graph in one RDF format for the commands that read it: the built file when current, else built in memory."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..model.checking import load_model
from ..rdf.formats import FORMATS
from ..rdf.mapping import model_triples, namespaces
from .stamp import OUTPUT_STEM, current_stamp


def graph_data(graph_dir: Path, out_dir: Path, format_name: str) -> tuple[bytes, str]:
    """The graph serialised as `format_name`: the built file when current, else built in memory.

    Also returns where the data came from, for messages.
    """
    extension, dumps = FORMATS[format_name]
    name = f"{OUTPUT_STEM}.{extension}"
    stamp = current_stamp(graph_dir, out_dir)
    if stamp is not None and name in stamp.outputs:
        try:
            data = (out_dir / name).read_bytes()
            if hashlib.sha256(data).hexdigest() == stamp.outputs[name]:
                return data, str(out_dir / name)
        except OSError:
            pass
    model = load_model(graph_dir)
    return dumps(model_triples(model), namespaces(model.vocabulary)).encode("utf-8"), f"{graph_dir}/ (built in memory)"
