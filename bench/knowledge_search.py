"""Knowledge-base search latency and hit rate over a larger localized article set.

    .venv/bin/python bench/knowledge_search.py                 # 500 articles x 6 languages
    .venv/bin/python bench/knowledge_search.py --articles 2000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/aftersail_bench .venv/bin/python \
        bench/knowledge_search.py

Builds a throw-away database (a temporary SQLite file unless DATABASE_URL is set; that
database is flushed), loads the five demo articles in six languages plus ``--articles``
filler articles per language made of the demo texts' words shuffled, then runs the search
tests' 30 queries (5 per language) 20 times each and prints the share of queries whose first
hit is the expected article and the latency percentiles.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    os.environ.setdefault("AFTERSAIL_VAR_DIR", tempfile.mkdtemp(prefix="aftersail-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "aftersail.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if os.environ.get("DATABASE_URL"):
        call_command("flush", interactive=False, verbosity=0)

    from aftersail.commerce.models import Store
    from aftersail.demo.articles import ARTICLES, load_demo_articles
    from aftersail.knowledge.actions import do_save_version
    from aftersail.knowledge.models import Article
    from aftersail.knowledge.selectors import search_articles
    from aftersail.knowledge.tests.test_search import QUERIES

    store = Store.objects.create(name="Bench", slug="bench", country="DE",
                                 sender_name="Bench", sender_email="bench@example.com")  # fmt: skip
    load_demo_articles(store)
    rng = random.Random(7)
    started = time.perf_counter()
    for language in ("en", "de", "fr", "es", "pl", "ja"):
        words = " ".join(texts[language][1] for _c, texts in ARTICLES.values()).split()
        for n in range(args.articles):
            article, _ = Article.objects.get_or_create(store=store, slug=f"filler-{n}")
            body = " ".join(rng.choice(words) for _ in range(60))
            do_save_version(article, language, title=" ".join(rng.sample(words, 5)), body=body,
                            publish=True)  # fmt: skip
    load_seconds = time.perf_counter() - started

    timings, correct = [], 0
    for _round in range(args.rounds):
        for language, query, slug in QUERIES:
            t0 = time.perf_counter()
            results = search_articles(store, query, language, limit=5)
            timings.append((time.perf_counter() - t0) * 1000)
            correct += bool(results) and results[0].slug == slug
    timings.sort()
    total = len(timings)
    print(f"database: {django.db.connection.vendor}; {args.articles + 5} articles x 6 languages"
          f" indexed in {load_seconds:.1f} s")  # fmt: skip
    print(f"first hit is the expected article: {correct}/{total} ({100 * correct / total:.1f} %)")
    print(f"latency ms: p50 {statistics.median(timings):.2f}  "
          f"p95 {timings[int(total * 0.95) - 1]:.2f}  p99 {timings[int(total * 0.99) - 1]:.2f}  "
          f"max {timings[-1]:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
