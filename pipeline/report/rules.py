"""The report's rule index: each rule id with its relation, trigger words and line in the rule file."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from ..relations.rules import PATTERNS


@dataclass(frozen=True)
class RuleInfo:
    id: str
    relation: str
    words: tuple[str, ...]  # what the trigger node's LEMMA or LOWER allows
    line: int  # 1-based, in pipeline/patterns/relations.yml


def _words(node: dict) -> tuple[str, ...]:
    attrs = node.get("RIGHT_ATTRS", {})
    value = attrs.get("LEMMA", attrs.get("LOWER"))
    return tuple(map(str, value["IN"])) if isinstance(value, dict) and "IN" in value else (str(value),) if value else ()


def rule_index(path=PATTERNS) -> dict[str, RuleInfo]:
    """Rule id → RuleInfo; the file was validated when the pipeline loaded it, so it is only read."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(path.read_text(encoding="utf-8"))
    try:  # one parse gives both the node tree (line numbers) and the data
        root = loader.get_single_node()
        data = loader.construct_document(root)
    finally:
        loader.dispose()
    nodes = next(value for key, value in root.value if key.value == "patterns").value
    return {
        entry["id"]: RuleInfo(entry["id"], entry["relation"], _words(entry["pattern"][0]), node.start_mark.line + 1)
        for entry, node in zip(data["patterns"], nodes)
    }
