"""List the core's translatable strings (`_("...")` and `N_("...")` in pazos_desktop/).

`python tools/i18n_catalog.py --missing en` prints those absent from resources/i18n/en/*.json.
"""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def core_strings(root: Path = ROOT / "pazos_desktop") -> dict[str, str]:
    """Every marked string, with the first place it appears."""
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "N_")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.setdefault(node.args[0].value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def missing(lang: str) -> dict[str, str]:
    catalog: dict[str, str] = {}
    for path in sorted((ROOT / "resources" / "i18n" / lang).glob("*.json")):
        catalog |= json.loads(path.read_text("utf-8"))
    return {s: where for s, where in core_strings().items() if s not in catalog}


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--missing":
        for text, where in missing(sys.argv[2]).items():
            print(f"{where}\t{json.dumps(text, ensure_ascii=False)}")
    else:
        print(json.dumps(sorted(core_strings()), ensure_ascii=False, indent=1))
