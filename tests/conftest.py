import pytest

from pipeline.nlp import build_nlp


@pytest.fixture(scope="session")
def nlp():
    return build_nlp()


@pytest.fixture(scope="session")
def parse(nlp):
    """Parse a text as an article published on the given date."""
    def run(text, published="2020-06-15"):
        doc = nlp.make_doc(text)
        doc._.published = published
        return nlp(doc)
    return run
