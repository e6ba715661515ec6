"""Language detection speed and memory.

    .venv/bin/python bench/langid.py

Prints the time to classify a 1 kB customer message (median and p99 of 2,000 runs, after
warm-up), the time per short sentence over shared/data/langid when it is there, and the
resident memory the model adds.
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aftersail.settings")

MESSAGE = (
    "Guten Tag, ich habe am 3. März bei Ihnen eine Regenjacke und zwei Paar Wandersocken "
    "bestellt (Bestellnummer NL-100482). Laut Sendungsverfolgung liegt das Paket seit einer "
    "Woche im Verteilzentrum, und niemand kann mir sagen, wann es weitergeht. Ich fahre am "
    "Wochenende in den Urlaub und brauche die Jacke unbedingt vorher. Könnten Sie bitte beim "
    "Versanddienstleister nachfragen oder mir notfalls eine neue Jacke per Express schicken? "
    "Falls das nicht möglich ist, möchte ich die Bestellung stornieren und mein Geld zurück. "
    "Vielen Dank für Ihre Hilfe und freundliche Grüße aus Köln, Anna Schmidt. PS: Die Socken "
    "dürfen gerne separat kommen, falls nur die Jacke fehlt. Ich bin tagsüber erreichbar."
)


def main() -> None:
    from aftersail.language.detection import detect

    text = (MESSAGE + " " + MESSAGE).encode()[:1024].decode(errors="ignore")
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    detect("warm up")
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for _ in range(50):
        detect(text)
    timings = []
    for _ in range(2000):
        start = time.perf_counter()
        detect(text)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    print(f"1 kB message ({len(text.encode())} bytes): detected {detect(text).language}")
    print(
        f"  median {statistics.median(timings):.3f} ms, p95 {timings[int(0.95 * 2000)]:.3f} ms,"
        f" p99 {timings[int(0.99 * 2000)]:.3f} ms"
    )
    data = Path(__file__).resolve().parents[2] / "shared" / "data" / "langid"
    data = Path(os.environ.get("LANGID_DATA", data))
    if data.is_dir():
        lines = [
            line for path in data.glob("*.txt") for line in path.read_text().splitlines() if line
        ]
        start = time.perf_counter()
        for line in lines:
            detect(line)
        elapsed = time.perf_counter() - start
        print(
            f"short sentences: {len(lines)} in {elapsed:.2f} s, "
            f"{elapsed / len(lines) * 1000:.3f} ms each"
        )
    print(f"model memory: about {(rss_after - rss_before) / 1024:.0f} MB (peak RSS growth)")


if __name__ == "__main__":
    import django

    django.setup()
    main()
