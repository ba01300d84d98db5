"""Fetch the pinned Oxigraph WebAssembly build from npm into the page's vendor folder, checking its digests.

The build never runs this: the vendored bytes are committed. Run it (`make vendor-oxigraph`) to
re-create them from npm; it refuses bytes whose digests differ from those recorded below.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "0.5.11"
# npm's dist.integrity for oxigraph@0.5.11, and the SHA-256 of the two files the page uses.
INTEGRITY = "sha512-zKdgmp1tsrutGzC1lCCywwZRPpLJKaJnKSDWoY2hIhMiwiCRRXNN1DU7WUyTInBvgPKT8Y5N+RgwTL8qKXpLng=="
WEB_JS_SHA256 = "2fcfdcadc79c9146cee98028a273aebc93df3282eb0299c248595bc529deca41"
WASM_SHA256 = "b95b15accb6b789667b8d8b0b8f139d5de588e572499672ff37ce9ba01c4a428"
VENDOR = Path(__file__).resolve().parent.parent / "src" / "wmgraph" / "page" / "assets" / "vendor"


def main() -> int:
    """Download, check and write oxigraph-web.js and oxigraph_bg.wasm.gz."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["npm", "pack", f"oxigraph@{VERSION}", "--silent", "--pack-destination", folder],
                       check=True, stdout=subprocess.DEVNULL)
        tarball = (Path(folder) / f"oxigraph-{VERSION}.tgz").read_bytes()
    integrity = "sha512-" + base64.b64encode(hashlib.sha512(tarball).digest()).decode()
    if integrity != INTEGRITY:
        print(f"oxigraph-{VERSION}.tgz: integrity {integrity}, expected {INTEGRITY}", file=sys.stderr)
        return 1
    with tarfile.open(fileobj=io.BytesIO(tarball)) as archive:
        files = {name: _member(archive, f"package/{name}") for name in ("web.js", "web_bg.wasm")}
    for name, expected in (("web.js", WEB_JS_SHA256), ("web_bg.wasm", WASM_SHA256)):
        found = hashlib.sha256(files[name]).hexdigest()
        if found != expected:
            print(f"{name}: sha256 {found}, expected {expected}", file=sys.stderr)
            return 1
    (VENDOR / "oxigraph-web.js").write_bytes(files["web.js"])
    # gzip with no name and no time in its header, so the bytes are the same on every run
    (VENDOR / "oxigraph_bg.wasm.gz").write_bytes(gzip.compress(files["web_bg.wasm"], 9, mtime=0))
    print(f"oxigraph {VERSION} written to {VENDOR}")
    return 0


def _member(archive: tarfile.TarFile, name: str) -> bytes:
    handle = archive.extractfile(name)
    if handle is None:
        raise SystemExit(f"{name} missing from the npm package")
    return handle.read()


if __name__ == "__main__":
    sys.exit(main())
