"""The README's configuration table lists every environment variable the code reads."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
READ = re.compile(r"env_(?:str|bool|int|list)\(\s*\"([A-Z0-9_]+)\"")


def _variables_read_in_code() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "aftersail").rglob("*.py"):
        if "tests" not in path.parts:
            names |= set(READ.findall(path.read_text(encoding="utf-8")))
    return names


def test_every_variable_is_in_the_readme_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([A-Z0-9_]+)`(?: / `([A-Z0-9_]+)`)?", readme, re.M))
    documented_names = {name for pair in documented for name in pair if name}
    read = _variables_read_in_code()
    assert read, "the scan found no variables; the pattern is wrong"
    assert read - documented_names == set()


def test_readme_shows_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme
    assert "make test" in readme
