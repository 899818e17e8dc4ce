"""Finding one person's name, e-mail and phone inside text, and replacing them by a label.

Matching is forgiving where people are: a name matches whatever its case and accents
("ANA GOMEZ" for "Ana Gómez") and with any spacing; an e-mail whatever its case; a phone
with or without separators ("315 555 1234", "3155551234", "315-555-1234").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from pazos_desktop.domain.text import fold

# Letters and the accented forms a person may have typed for them.
_VARIANTS = {
    "a": "aáàâäã",
    "e": "eéèêë",
    "i": "iíìîï",
    "o": "oóòôöõ",
    "u": "uúùûü",
    "n": "nñ",
    "c": "cç",
}
MIN_NAME = 5  # shorter "names" (initials, "Ana") would replace unrelated words
MIN_PHONE_DIGITS = 7


def _name_pattern(name: str) -> str:
    parts = []
    for word in fold(name).split():
        parts.append(
            "".join(f"[{_VARIANTS[ch]}]" if ch in _VARIANTS else re.escape(ch) for ch in word)
        )
    return r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)"


def _phone_pattern(phone: str) -> str | None:
    digits = re.sub(r"\D", "", phone)
    if len(digits) < MIN_PHONE_DIGITS:
        return None
    return r"(?<!\d)" + r"[\s.()-]*".join(digits) + r"(?!\d)"


@dataclass
class Person:
    """What identifies the person in text; `label` replaces it."""

    names: set[str]
    emails: set[str]
    phones: set[str]
    positions: set[str]
    label: str

    def __post_init__(self) -> None:
        patterns = [_name_pattern(n) for n in self.names if len(fold(n)) >= MIN_NAME]
        patterns += [re.escape(e) for e in self.emails if e]
        patterns += [p for p in map(_phone_pattern, self.phones) if p]
        # Longest first: "Ana María Gómez" before "Ana María".
        patterns.sort(key=len, reverse=True)
        self._regex = re.compile("|".join(patterns), re.IGNORECASE) if patterns else None

    def needles(self) -> list[str]:
        """Fragments for a cheap SQL prefilter (LIKE): every row that may hold the person."""
        found: set[str] = set()
        for name in self.names:
            if len(fold(name)) >= MIN_NAME:
                found |= {name, name.lower(), name.upper(), fold(name)}
                found.add(fold(name).split()[-1])  # the surname alone: catches odd spacing
        found |= {e.lower() for e in self.emails if e}
        found |= {re.sub(r"\D", "", p)[-4:] for p in self.phones if _phone_pattern(p)}
        return sorted(found)

    def scrub(self, text: str | None) -> str | None:
        if not text or self._regex is None:
            return text
        return self._regex.sub(self.label, text)

    def matches(self, text: str | None) -> bool:
        return bool(text) and self._regex is not None and self._regex.search(text) is not None

    def scrub_json(self, text: str | None) -> str | None:
        """Every string inside a JSON document, keys and structure kept."""
        if not text:
            return text
        try:
            document = json.loads(text)
        except ValueError:
            return self.scrub(text)
        return json.dumps(_walk(document, self.scrub), ensure_ascii=False)


def _walk(value, scrub):
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, list):
        return [_walk(v, scrub) for v in value]
    if isinstance(value, dict):
        return {k: _walk(v, scrub) for k, v in value.items()}
    return value


def clean(values: Iterable[str | None]) -> set[str]:
    return {v.strip() for v in values if v and v.strip()}
