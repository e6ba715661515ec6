from aftersail.assistant import classifier
from aftersail.core import warmup
from aftersail.core.warmup import warm_up_in_background


def test_warm_up_loads_the_intent_model_before_the_first_message():
    classifier.reset_cache()
    warm_up_in_background().join()
    assert classifier._cached is not None
    assert classifier.get_classifier() is classifier._cached


def test_a_failing_loader_does_not_stop_the_others(monkeypatch, caplog):
    loaded = []
    monkeypatch.setattr(warmup, "_loaders", {})
    warmup.register_warm_up("broken", lambda: 1 / 0)
    warmup.register_warm_up("fine", lambda: loaded.append("fine"))
    warm_up_in_background().join()
    assert loaded == ["fine"]
    assert "warm-up of broken failed" in caplog.text
