"""The relation stage: ``claims_relations`` (component.py) and the helpers it reads the parse with.

rules.py loads ``patterns/relations.yml``; roles.py finds subject/object tokens; reference.py says
which states a token stands for; modality.py decides asserted/negated/dated; discourse.py and
lists.py supply what the surrounding article adds; words.py loads ``data/words.yml``.
"""

from . import component  # noqa: F401  (registers the claims_relations factory)
