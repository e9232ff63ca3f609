"""The architecture's layers, locked: a short AST contract over every module's imports
(function-level imports included).

- the language layer (``extractor.vi``) imports nothing above it;
- verification, alignment, checks and scoring never import the LLM client or a strategy;
- only the CLI imports the terminal display code;
- no library module imports a front end (the CLI, the HTTP service).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "extractor"

LANGUAGE = "extractor.vi"
CHECKING = (
    "extractor.verify",
    "extractor.grounding",
    "extractor.checks",
    "extractor.numbers",
    "extractor.text",
    "extractor.scoring",
)
CLIENTS_AND_STRATEGIES = (
    "extractor.client",
    "extractor.local",
    "extractor.retry",
    "extractor.extract",
    "extractor.guided",
    "extractor.rules",
    "extractor.strategies",
    "extractor.batch",
    "openai",
    "instructor",
    "llama_cpp",
)
FRONT_ENDS = ("extractor.cli", "extractor.serve", "extractor.service")


def module_name(path: Path, root: Path = PKG.parent) -> str:
    rel = path.relative_to(root).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, root: Path = PKG.parent) -> set[str]:
    """Every module ``path`` imports, as absolute dotted names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            out.add(mod)
            out.update(f"{mod}.{alias.name}" for alias in node.names)
    return out


MODULES = {module_name(p): imports_of(p) for p in sorted(PKG.rglob("*.py"))}


def under(name: str, prefixes: tuple[str, ...] | str) -> bool:
    prefixes = (prefixes,) if isinstance(prefixes, str) else prefixes
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def test_the_contract_sees_the_package() -> None:
    assert "extractor.scoring" in MODULES and "extractor.vi.labels" in MODULES
    assert "extractor.vi.labels" in MODULES["extractor.scoring"]


@pytest.mark.parametrize("module", sorted(m for m in MODULES if under(m, LANGUAGE)))
def test_language_layer_imports_nothing_above_it(module: str) -> None:
    above = {i for i in MODULES[module] if under(i, "extractor") and not under(i, LANGUAGE)}
    assert not above, f"{module} imports {sorted(above)}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if under(m, CHECKING)))
def test_checking_never_imports_clients_or_strategies(module: str) -> None:
    bad = {i for i in MODULES[module] if under(i, CLIENTS_AND_STRATEGIES)}
    assert not bad, f"{module} imports {sorted(bad)}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_only_the_cli_imports_display(module: str) -> None:
    if module == "extractor.cli":
        return
    assert not any(under(i, "extractor.display") for i in MODULES[module]), module


@pytest.mark.parametrize("module", sorted(m for m in MODULES if not under(m, FRONT_ENDS)))
def test_library_never_imports_a_front_end(module: str) -> None:
    bad = {i for i in MODULES[module] if under(i, FRONT_ENDS)}
    assert not bad, f"{module} imports {sorted(bad)}"


def test_a_violation_is_detected(tmp_path: Path) -> None:
    """The walker sees function-level and relative imports (so the contract can fail)."""
    mod = tmp_path / "extractor" / "vi" / "x.py"
    mod.parent.mkdir(parents=True)
    mod.write_text("def f():\n    from ..client import y\n    import openai\n", "utf-8")
    found = imports_of(mod, root=tmp_path)
    assert "extractor.client" in found and "openai" in found
