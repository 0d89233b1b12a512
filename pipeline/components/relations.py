"""``claims_relations``: placeholder until the relation matcher lands."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("claims_relations", assigns=["doc._.claims"])
def make_relations(nlp: Language, name: str):
    def relations(doc: Doc) -> Doc:
        doc._.claims = []
        return doc
    return relations
