"""Language detection speed and memory.

    .venv/bin/python bench/langid.py

Prints the time to classify a 1 kB customer message (median and p99 of 2,000 runs, after
warm-up) in German and in Danish (a look-alike language, so the marker words of
language/lookalikes.py are counted too), the time per short sentence over shared/data/langid
when it is there, and the resident memory the model adds.
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
MESSAGE_DA = (
    "Hej, jeg bestilte en vinterjakke og to par uldsokker hos jer den 3. marts "
    "(ordrenummer DK-100482). Ifølge sporingen har pakken ligget på terminalen i en uge, og "
    "ingen kan fortælle mig, hvornår den bliver sendt videre. Jeg tager på ferie i weekenden "
    "og skal bruge jakken inden da. Kan I ikke spørge fragtfirmaet, eller sende en ny jakke "
    "med ekspres? Hvis det ikke kan lade sig gøre, vil jeg gerne annullere bestillingen og "
    "have mine penge tilbage. Sokkerne må gerne komme for sig, hvis det kun er jakken, der "
    "mangler. Jeg kan træffes i løbet af dagen på telefon. Tak for hjælpen og venlig hilsen "
    "fra Aarhus, Mette Hansen. PS: Jeg har allerede skrevet til jer to gange uden svar."
)


def _time_one_kilobyte(detect, message: str) -> None:
    text = (message + " " + message).encode()[:1024].decode(errors="ignore")
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


def main() -> None:
    from aftersail.language.detection import detect

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    detect("warm up")
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _time_one_kilobyte(detect, MESSAGE)
    _time_one_kilobyte(detect, MESSAGE_DA)
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
