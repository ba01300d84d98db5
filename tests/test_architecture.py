"""Keep the one-way data flow, the public API and the README in step with the code."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import click
import networkx as nx

import wmgraph
from wmgraph.cli.main import main
from wmgraph.cli.reference import commands_markdown

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "wmgraph"

# The packages in the order data flows through them; a package imports only from those before it.
LAYERS = {
    "_version": 0, "errors": 0, "atomic": 0,
    "load": 1,
    "model": 2,
    "rdf": 3,
    "page": 4,
    "query": 5,
    "building": 6,
    "ask": 7,
    "analysis": 8,
    "curate": 9,
    "cli": 10,
    "__init__": 11, "__main__": 11,
}


def module_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imported_modules(path: Path) -> set[str]:
    """The top-level modules and packages of wmgraph that `path` imports."""
    package = list(path.relative_to(PACKAGE).parent.parts)
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level > 0:
            base = package[:len(package) - (node.level - 1)] if node.level > 1 else package
            target = [*base, *(node.module.split(".") if node.module else [])]
            if target:
                found.add(target[0])
            else:
                found.update(alias.name for alias in node.names)
    return found


def test_every_module_has_a_layer() -> None:
    modules = {module_of(p) for p in PACKAGE.rglob("*.py")}
    assert modules <= set(LAYERS), f"give these modules a layer: {sorted(modules - set(LAYERS))}"


def test_data_flows_one_way() -> None:
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        importer = module_of(path)
        for imported in imported_modules(path) - {importer}:
            if imported in LAYERS and LAYERS[imported] > LAYERS[importer]:
                wrong.append(f"{path.relative_to(PACKAGE)} imports {imported}")
    assert not wrong


def test_library_never_prints_or_exits() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if LAYERS[module_of(path)] >= LAYERS["cli"]:
            continue
        text = path.read_text()
        if re.search(r"^\s*(print\(|sys\.exit\(|click\.echo)", text, re.MULTILINE):
            offenders.append(path.name)
    assert not offenders


def test_public_api_is_explicit() -> None:
    assert sorted(wmgraph.__all__) == [
        "BuildResult", "Entity", "Fact", "LoadError", "Location", "Model", "OutputError", "Problem",
        "QueryError", "Source", "StoreError", "ValidationError", "Vocabulary", "WmgraphError",
        "__version__", "build", "load_model",
    ]
    for name in wmgraph.__all__:
        assert getattr(wmgraph, name) is not None
    assert issubclass(wmgraph.ValidationError, wmgraph.WmgraphError)


def test_readme_opens_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    block = readme.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert [line.split("#")[0].strip() for line in block] == ["make build", "make test"]
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^build:", makefile, re.MULTILINE) and re.search(r"^test:", makefile, re.MULTILINE)
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_readme_names_every_command() -> None:
    readme = (ROOT / "README.md").read_text()
    for name in main.list_commands(click.Context(main)):
        assert f"wmgraph {name}" in readme, f"README does not mention `wmgraph {name}`"


def test_the_commands_reference_is_every_commands_help() -> None:
    written = (ROOT / "docs" / "commands.md").read_text()
    assert written == commands_markdown(), "docs/commands.md is stale: run `make docs`"
    for name in main.list_commands(click.Context(main)):
        command = main.get_command(click.Context(main), name)
        assert command is not None and f"## wmgraph {name}\n" in written
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                assert max(param.opts, key=len) in written, (name, param.opts)


def test_modules_and_functions_are_small_enough_to_read() -> None:
    too_long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.read_text()
        if len(source.splitlines()) >= 400:
            too_long.append(f"{path.relative_to(PACKAGE)}: {len(source.splitlines())} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno is not None:
                length = node.end_lineno - node.lineno + 1
                if length > 60:
                    too_long.append(f"{path.relative_to(PACKAGE)}: {node.name} is {length} lines")
    assert not too_long


def test_the_library_leaves_the_garbage_collector_alone() -> None:
    # the CLI may pause it for a build; the library must not change the state of a caller's process
    offenders = [str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
                 if LAYERS[module_of(path)] < LAYERS["cli"]
                 and re.search(r"\bgc\.(disable|freeze|enable)\(", path.read_text())]
    assert not offenders


def module_imports(path: Path, modules: set[str]) -> set[str]:
    """The wmgraph modules `path` imports anywhere in it (under `if TYPE_CHECKING:` and in functions too)."""
    package = ["wmgraph", *path.relative_to(PACKAGE).parent.parts]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            for alias in node.names:  # a name is a submodule, or something the target module defines
                found.add(f"{target}.{alias.name}" if f"{target}.{alias.name}" in modules else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def import_cycles() -> list[list[str]]:
    """Every group of wmgraph modules that import each other, directly or in a ring."""
    modules = {".".join(["wmgraph", *p.relative_to(PACKAGE).with_suffix("").parts]).removesuffix(".__init__"): p
               for p in PACKAGE.rglob("*.py")}
    graph = nx.DiGraph()
    for name, path in modules.items():
        graph.add_node(name)
        graph.add_edges_from((name, imported) for imported in module_imports(path, set(modules))
                             if imported in modules and imported != name)
    return sorted(sorted(group) for group in nx.strongly_connected_components(graph) if len(group) > 1)


def test_no_module_imports_itself_through_others() -> None:
    # imports only for type checking count too: a ring of them is one module split in two
    assert import_cycles() == []
