from aftersail.assistant import classifier
from aftersail.core.warmup import warm_up_in_background


def test_warm_up_loads_the_intent_model_before_the_first_message():
    classifier.reset_cache()
    warm_up_in_background().join()
    assert classifier._cached is not None
    assert classifier.get_classifier() is classifier._cached
