import os

import pytest
from hypothesis import settings

from pipeline.headlines import article_doc
from pipeline.nlp import build_nlp

# Property tests draw the same examples on every run (CI is deterministic) and stay fast; no
# example database is written. HYPOTHESIS_PROFILE=thorough draws more, for a local hunt.
settings.register_profile("ci", derandomize=True, database=None, max_examples=60, deadline=None, print_blob=True)
settings.register_profile("thorough", database=None, max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def nlp():
    return build_nlp()


@pytest.fixture(scope="session")
def parse(nlp):
    """Parse a text as an article published on the given date."""

    def run(text, published="2020-06-15"):
        return nlp(article_doc(nlp, text, published))

    return run
