import pytest

from aftersail.assistant.classifier import IntentClassifier, get_classifier


@pytest.fixture(scope="session")
def classifier() -> IntentClassifier:
    """Trained once per test process from the shipped data (cached under the test var/)."""
    return get_classifier()
