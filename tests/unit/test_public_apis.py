"""The app uses public framework APIs only: no ``._private`` attribute of Django, DRF,
knox or any other library's objects, so that an upgrade cannot break it silently.

What counts as private: an attribute (or a name given to ``getattr``/``setattr``/
``hasattr``/``delattr``/``__dict__``) starting with one underscore, read from anything
but ``self``/``cls``, unless the name is one the app defines itself (a module-private
function, a class's own ``_attribute``) or ``_meta``, Django's documented Model _meta API.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP_DIRS = ("accounts", "articles", "newsannot")
PUBLIC = {"_meta"}  # https://docs.djangoproject.com/en/5.2/ref/models/meta/
# (path, line) -> why it is fine. Must stay empty or justified line by line.
ALLOWED: dict[tuple[str, int], str] = {}
NAME_TAKING = {"getattr", "setattr", "hasattr", "delattr"}


def app_files() -> list[Path]:
    return sorted(p for d in APP_DIRS for p in (ROOT / d).rglob("*.py"))


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def own_names(trees) -> set[str]:
    """The underscored names the app defines: functions, classes, assigned names and
    attributes, parameters."""
    names = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.arg):
                names.add(node.arg)
            elif isinstance(node, ast.alias):
                names.add(node.asname or node.name.split(".")[-1])
    return {name for name in names if is_private(name)}


def private_reaches(tree, ours: set[str]):
    """(line, text) of each reach into another object's private attribute."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and is_private(node.attr):
            receiver = node.value
            if isinstance(receiver, ast.Name) and receiver.id in {"self", "cls"}:
                continue
            if node.attr in PUBLIC or node.attr in ours:
                continue
            yield node.lineno, ast.unparse(node)
        elif isinstance(node, ast.Call):
            func = node.func
            named = (isinstance(func, ast.Name) and func.id in NAME_TAKING) or (
                isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Attribute)
                and func.value.attr == "__dict__"
            )
            for argument in node.args[:2] if named else ():
                if (
                    isinstance(argument, ast.Constant)
                    and isinstance(argument.value, str)
                    and is_private(argument.value)
                    and argument.value not in PUBLIC | ours
                ):
                    yield node.lineno, ast.unparse(node)
        elif (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "__dict__"
            and isinstance(node.slice, ast.Constant)
            and is_private(str(node.slice.value))
        ):
            yield node.lineno, ast.unparse(node)


def test_the_app_reaches_into_no_private_attribute_of_a_framework():
    trees = {path: ast.parse(path.read_text(), str(path)) for path in app_files()}
    ours = own_names(trees.values())
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text}"
        for path, tree in trees.items()
        for line, text in private_reaches(tree, ours)
        if (str(path.relative_to(ROOT)), line) not in ALLOWED
    ]
    assert found == []


@pytest.mark.parametrize(
    "source",
    [
        "queryset._iterable_class",
        "compiler.query._prefetch_related_lookups",
        "request._request",
        "quote.__dict__.pop('_prefetched_objects_cache', None)",
        "getattr(quote, '_prefetched_objects_cache', {})",
        "user.__dict__['_cached_user']",
    ],
)
def test_the_check_flags_private_reaches(source):
    assert list(private_reaches(ast.parse(source), ours=set()))


@pytest.mark.parametrize(
    "source",
    [
        "Quote._meta.get_field('text')",
        "self._checked",
        "cls._build()",
        "reads._own_helper()",
    ],
)
def test_the_check_lets_public_and_own_names_pass(source):
    assert not list(private_reaches(ast.parse(source), ours={"_own_helper"}))


def test_no_allowance_outlives_its_line():
    for (path, line), why in ALLOWED.items():
        assert why, (path, line)
        assert line <= len((ROOT / path).read_text().splitlines()), (path, line)
