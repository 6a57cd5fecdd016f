"""The README's promise to a new reader: two commands set everything up."""

import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_opens_with_exactly_the_two_set_up_commands():
    text = README.read_text(encoding="utf-8")
    first_block = re.search(r"```sh\n(.*?)```", text, re.S)
    assert first_block is not None
    assert text.index("## Set up") < first_block.start()
    commands = [line.split("#")[0].strip() for line in first_block[1].splitlines()]
    assert [command for command in commands if command] == ["make run", "make test"]


def test_both_set_up_commands_are_make_targets():
    makefile = (README.parent / "Makefile").read_text(encoding="utf-8")
    for target in ("run", "test"):
        assert re.search(rf"^{target}:", makefile, re.M), target
