from aftersail.assistant.evaluation import EvalResult, _percentile, out_of_scope_texts


def test_the_report_prints_every_figure():
    result = EvalResult(
        train_size=17823,
        test_size=4000,
        accuracy=0.9875,
        macro_f1=0.97,
        out_of_scope=50,
        out_of_scope_handed_over=47,
        in_scope_handed_over=40,
        latency_ms={"p50": 1.234, "p95": 2.5, "p99": 9.0},
    )
    assert result.format().splitlines() == [
        "training examples: 17823, held-out: 4000",
        "accuracy: 98.75%",
        "macro-F1: 97.00%",
        "in-scope handed over (confidence below threshold): 1.00%",
        "out-of-scope handed over: 47/50 (94.00%)",
        "latency per message (classify + entities): p50 1.23 ms, p95 2.50 ms, p99 9.00 ms",
    ]


def test_percentiles_pick_the_nearest_rank():
    values = [float(v) for v in range(1, 101)]
    assert _percentile(values, 0.5) == 51.0
    assert _percentile(values, 0.99) == 99.0
    assert _percentile([3.0], 0.99) == 3.0


def test_the_out_of_scope_set_covers_small_talk_other_topics_and_mixed_languages():
    texts = out_of_scope_texts()
    assert len(texts) == 50
    assert "tell me a joke" in texts
    assert "hello bonjour hola hallo cześć こんにちは" in texts
