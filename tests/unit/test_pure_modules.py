"""The engines that parse or compute import no Django and nothing of the app beyond their
own package, so they can be tested, benchmarked and reused alone."""

import ast
from pathlib import Path

import pytest

ARTICLES = Path(__file__).resolve().parents[2] / "articles"

PURE = [
    # (modules, the only part of the app they may import)
    (sorted((ARTICLES / "extraction").glob("*.py")), "articles.extraction"),
    (sorted((ARTICLES / "agreement").glob("*.py")), "articles.agreement"),
    (
        [
            ARTICLES / "exchange" / name
            for name in (
                "records.py",
                "export.py",
                "pg_jsonl.py",
                "uploads.py",
                "brat.py",
                "spans.py",
                "doccano.py",
                "labelstudio.py",
                "conll.py",
                "parquet.py",
                "cas.py",
                "byte_sink.py",
                "interop.py",
            )
        ],
        "articles.exchange",
    ),
    (
        [
            ARTICLES / "ingest" / name
            for name in ("fetching.py", "pages.py", "similarity.py", "revisions.py", "cleanup.py")
        ],
        "articles.ingest",
    ),
    (
        [
            ARTICLES / "annotation" / "highlight.py",
            ARTICLES / "annotation" / "palette.py",
            ARTICLES / "annotation" / "quote_list.py",
            ARTICLES / "review" / "charts.py",
        ],
        None,
    ),
]


def imported_names(module: Path) -> set[str]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize(
    ("module", "own_package"),
    [(module, package) for modules, package in PURE for module in modules],
    ids=lambda value: value.name if isinstance(value, Path) else str(value),
)
def test_pure_module_imports_no_django_and_nothing_else_of_the_app(module, own_package):
    names = imported_names(module)
    assert not any(name.split(".")[0] == "django" for name in names)
    app = {name for name in names if name.split(".")[0] in ("articles", "accounts", "newsannot")}
    assert all(own_package and name.startswith(own_package) for name in app), app


def test_every_pure_package_is_found():
    assert all(modules for modules, _ in PURE)
    assert len(PURE[0][0]) >= 4
    assert len(PURE[1][0]) >= 4
