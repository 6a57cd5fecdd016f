"""The README's curl + Python example, run as written against a live server."""

import re
import subprocess
from pathlib import Path

from django.core.management import call_command

from accounts.models import ApiToken
from accounts.roles import set_role

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def test_readme_export_example_runs(live_server, tmp_path, settings):
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)
    from django.contrib.auth import get_user_model

    researcher = get_user_model().objects.get(username="researcher")
    set_role(user=researcher, role="researcher")
    _, token = ApiToken.objects.create(user=researcher, expiry=None, name="readme")
    curl = next(block for block in readme_blocks("sh") if "curl" in block)
    curl = curl.replace("http://127.0.0.1:8000", live_server.url)
    subprocess.run(
        ["bash", "-c", curl],
        cwd=tmp_path,
        check=True,
        env={"PATH": "/usr/bin:/bin", "NEWSANNOT_TOKEN": token},
    )
    python = next(block for block in readme_blocks("python") if "demo.jsonl" in block)
    result = subprocess.run(
        ["python3", "-c", python], cwd=tmp_path, check=True, capture_output=True, text=True
    )
    assert "Ingrid Falkenberg" in result.stdout
